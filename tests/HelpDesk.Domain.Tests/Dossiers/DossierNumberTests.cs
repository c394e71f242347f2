using HelpDesk.Domain.Dossiers;

namespace HelpDesk.Domain.Tests.Dossiers;

public sealed class DossierNumberFormat
{
    [Fact]
    public void Shows_point_code_Vietnam_date_and_four_digit_sequence() =>
        Assert.Equal("CL01-260424-0007", DossierNumber.For("CL01", new DateTimeOffset(2026, 4, 24, 19, 30, 0, VietnamTime.Offset), 7).ToString());

    [Fact]
    public void Takes_the_date_in_Vietnam_time() =>
        // 17:30 UTC on 24 April is 00:30 on 25 April in Hà Nội.
        Assert.Equal("CL01-260425-0001", DossierNumber.For("CL01", new DateTimeOffset(2026, 4, 24, 17, 30, 0, TimeSpan.Zero), 1).ToString());

    [Fact]
    public void Upper_cases_the_point_code() =>
        Assert.Equal("TN01-261201-9999", new DossierNumber("tn01", new DateOnly(2026, 12, 1), 9999).ToString());

    [Theory]
    [InlineData(0)]
    [InlineData(10_000)]
    [InlineData(-1)]
    public void Refuses_a_sequence_outside_1_to_9999(int sequence) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DossierNumber("CL01", new DateOnly(2026, 4, 24), sequence));

    [Theory]
    [InlineData("")]
    [InlineData("CL-01")]
    [InlineData("CL 01")]
    [InlineData("ĐIỂM1")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU")]
    public void Refuses_a_point_code_that_is_not_letters_and_digits(string code) =>
        Assert.Throws<ArgumentException>(() => new DossierNumber(code, new DateOnly(2026, 4, 24), 1));

    [Fact]
    public void Refuses_a_date_outside_the_century_of_its_two_digit_year() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DossierNumber("CL01", new DateOnly(2100, 1, 1), 1));
}

public sealed class DossierNumberParse
{
    [Fact]
    public void Reads_a_printed_number_back()
    {
        var number = DossierNumber.Parse("CL01-260424-0007");
        Assert.Equal(("CL01", new DateOnly(2026, 4, 24), 7), (number.PointCode, number.Date, number.Sequence));
        Assert.Equal(new DossierNumber("CL01", new DateOnly(2026, 4, 24), 7), number);
    }

    [Fact]
    public void Ignores_case_and_surrounding_spaces()
    {
        Assert.True(DossierNumber.TryParse("  cl01-260424-0007 ", out var number));
        Assert.Equal("CL01-260424-0007", number.ToString());
    }

    [Fact]
    public void Reads_years_after_2049_in_this_century() =>
        Assert.Equal(new DateOnly(2051, 1, 2), DossierNumber.Parse("CL01-510102-0001").Date);

    [Fact]
    public void Round_trips_every_day_of_a_year()
    {
        for (var day = new DateOnly(2026, 1, 1); day.Year == 2026; day = day.AddDays(1))
        {
            var number = new DossierNumber("CL02", day, day.DayOfYear);
            Assert.Equal(number, DossierNumber.Parse(number.ToString()));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("CL01-260230-0001")]   // 30 February
    [InlineData("CL01-261301-0001")]   // month 13
    [InlineData("CL01-260424-0000")]   // sequence 0
    [InlineData("CL01-260424-10000")]  // five digits
    [InlineData("CL01-260424-007")]    // three digits
    [InlineData("CL01-2604-0007")]
    [InlineData("CL-01-260424-0007")]
    [InlineData("CL01-26O424-0007")]
    [InlineData("CL01 260424 0007")]
    [InlineData("000.00.06.H56-231027-0361")] // the national agency format is not a point code
    public void Refuses_anything_else(string? text)
    {
        Assert.False(DossierNumber.TryParse(text, out var number));
        Assert.Null(number);
    }

    [Fact]
    public void Parse_throws_a_format_exception_on_a_bad_number() =>
        Assert.Throws<FormatException>(() => DossierNumber.Parse("CL01-260230-0001"));
}
