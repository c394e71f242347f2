using HelpDesk.Domain.Procedures;
using static HelpDesk.Domain.Tests.Procedures.ProcedureBuilder;

namespace HelpDesk.Domain.Tests.Procedures;

public sealed class FormValidationValidateStep
{
    private static (Dictionary<string, string> Answers, List<FieldError> Errors) Validate(FieldDefinition field, params (string Key, string Value)[] input) =>
        FormValidation.ValidateStep(Step(field), input.ToDictionary(p => p.Key, p => p.Value));

    private static string? ErrorOf(FieldDefinition field, string value) => Validate(field, (field.Id, value)).Errors.SingleOrDefault()?.Code;
    private static string? AnswerOf(FieldDefinition field, string value) => Validate(field, (field.Id, value)).Answers.GetValueOrDefault(field.Id);

    [Fact]
    public void A_required_field_left_blank_is_refused_and_an_optional_one_is_skipped()
    {
        Assert.Equal(ErrorCodes.FieldRequired, ErrorOf(Field("note", FieldType.Text), "  "));
        var (answers, errors) = Validate(Field("note", FieldType.Text, required: false), ("note", ""));
        Assert.Empty(errors);
        Assert.Empty(answers);
    }

    [Fact]
    public void Text_respects_its_maximum_length()
    {
        var field = Field("note", FieldType.Text, maxLength: 5);
        Assert.Equal("abcde", AnswerOf(field, "abcde"));
        var error = Validate(field, ("note", "abcdef")).Errors.Single();
        Assert.Equal(ErrorCodes.FieldTooLong, error.Code);
        Assert.Equal(5, error.Arguments.Single());
    }

    [Theory]
    [InlineData("Nguyễn  Văn   Bảo", "Nguyễn Văn Bảo")]
    [InlineData("林嘉輝", "林嘉輝")]
    [InlineData("H'Hen Niê", "H'Hen Niê")]
    public void Person_names_keep_diacritics_and_any_script(string typed, string stored) =>
        Assert.Equal(stored, AnswerOf(Field("name", FieldType.PersonName), typed));

    [Theory]
    [InlineData("Nguyễn Văn 2")]
    [InlineData("<script>")]
    public void Person_names_refuse_digits_and_symbols(string typed) =>
        Assert.Equal(ErrorCodes.FieldPersonName, ErrorOf(Field("name", FieldType.PersonName), typed));

    [Theory]
    [InlineData("05/09/2023", "05/09/2023", null)]
    [InlineData("31/02/2023", null, ErrorCodes.FieldDate)]
    [InlineData("2023-09-05", null, ErrorCodes.FieldDate)]
    [InlineData("5/9/2023", null, ErrorCodes.FieldDate)]
    public void Dates_are_day_month_year(string typed, string? stored, string? error)
    {
        var field = Field("born", FieldType.Date);
        Assert.Equal(stored, AnswerOf(field, typed));
        Assert.Equal(error, ErrorOf(field, typed));
    }

    [Theory]
    [InlineData("079 090 012 345", "079090012345", null)]
    [InlineData("003190012345", null, ErrorCodes.PersonalIdProvince)]
    [InlineData("0791900123", null, ErrorCodes.PersonalIdFormat)]
    public void Personal_ids_are_checked_and_stored_as_digits(string typed, string? stored, string? error)
    {
        var field = Field("id", FieldType.PersonalId);
        Assert.Equal(stored, AnswerOf(field, typed));
        Assert.Equal(error, ErrorOf(field, typed));
    }

    [Fact]
    public void Phones_are_normalised()
    {
        var field = Field("phone", FieldType.Phone);
        Assert.Equal("0912345678", AnswerOf(field, "+84 912 345 678"));
        Assert.Equal(ErrorCodes.FieldPhone, ErrorOf(field, "12345"));
    }

    [Theory]
    [InlineData("12,5", "12.5", null)]
    [InlineData("3", "3", null)]
    [InlineData("-1", null, ErrorCodes.FieldBelowMin)]
    [InlineData("101", null, ErrorCodes.FieldAboveMax)]
    [InlineData("abc", null, ErrorCodes.FieldNumber)]
    public void Numbers_accept_a_decimal_comma_and_respect_limits(string typed, string? stored, string? error)
    {
        var field = Field("count", FieldType.Number, min: 0, max: 100);
        Assert.Equal(stored, AnswerOf(field, typed));
        Assert.Equal(error, ErrorOf(field, typed));
    }

    [Theory]
    [InlineData("1.500.000", "1500000", null)]
    [InlineData("1 500 000 đ", "1500000", null)]
    [InlineData("1500000", "1500000", null)]
    [InlineData("1,5 triệu", null, ErrorCodes.FieldMoney)]
    [InlineData("-5", null, ErrorCodes.FieldMoney)]
    public void Money_is_whole_dong_with_thousand_separators(string typed, string? stored, string? error)
    {
        var field = Field("capital", FieldType.Money, min: 0);
        Assert.Equal(stored, AnswerOf(field, typed));
        Assert.Equal(error, ErrorOf(field, typed));
    }

    [Fact]
    public void Select_and_yes_no_accept_only_their_choices()
    {
        var select = Field("sex", FieldType.Select, options: [new("male", Text("Nam")), new("female", Text("Nữ"))]);
        Assert.Equal("female", AnswerOf(select, "female"));
        Assert.Equal(ErrorCodes.FieldChoice, ErrorOf(select, "other"));
        var yesNo = Field("married", FieldType.YesNo);
        Assert.Equal("no", AnswerOf(yesNo, "no"));
        Assert.Equal(ErrorCodes.FieldChoice, ErrorOf(yesNo, "maybe"));
    }

    [Fact]
    public void An_address_needs_street_ward_and_province()
    {
        var field = Field("home", FieldType.Address);
        var (answers, errors) = Validate(field, ("home.street", "12 Trần Hưng Đạo"), ("home.ward", "Phường Chợ Lớn"), ("home.province", ""));
        Assert.Equal("home.province", errors.Single().Key);
        Assert.Equal("12 Trần Hưng Đạo", answers["home.street"]);
        Assert.Equal(ErrorCodes.FieldRequired, Validate(field).Errors.Single().Code);
    }

    [Fact]
    public void Person_blocks_skip_blank_items_renumber_and_validate_each_item()
    {
        var members = Field("members", FieldType.PersonBlock, required: false, maxItems: 3,
            fields: [Field("fullName", FieldType.PersonName), Field("born", FieldType.Date)]);
        var (answers, errors) = Validate(members,
            ("members[0].fullName", "Lâm Gia Huy"), ("members[0].born", "01/01/1950"),
            ("members[1].fullName", ""), ("members[1].born", ""),
            ("members[2].fullName", "Trương Thị Lan"), ("members[2].born", "1950"));

        Assert.Equal("Lâm Gia Huy", answers["members[0].fullName"]);
        Assert.Equal("Trương Thị Lan", answers["members[1].fullName"]);
        Assert.Equal(new FieldError("members[1].born", ErrorCodes.FieldDate).Key, errors.Single().Key);
    }

    [Fact]
    public void Person_blocks_enforce_their_item_counts()
    {
        var father = Field("father", FieldType.PersonBlock, required: true, maxItems: 1, fields: [Field("fullName", FieldType.PersonName)]);
        Assert.Equal(ErrorCodes.FieldTooFewItems, Validate(father).Errors.Single().Code);
        var twice = Validate(father, ("father[0].fullName", "Lê Văn A"), ("father[1].fullName", "Lê Văn B"));
        Assert.Equal(ErrorCodes.FieldTooManyItems, twice.Errors.Single().Code);
    }

    [Fact]
    public void Removing_a_person_moves_the_later_ones_up_and_leaves_other_fields_alone()
    {
        var block = Field("members", FieldType.PersonBlock, fields: [Field("name", FieldType.PersonName)], maxItems: 5);
        var values = new Dictionary<string, string>
        {
            ["members[0].name"] = "An", ["members[1].name"] = "Bình", ["members[2].name"] = "Chi",
            ["members[1].home.street"] = "5 Lê Lợi", ["other"] = "kept", ["members10"] = "not an item",
        };

        var rest = FormValidation.WithoutItem(block, values, 1);

        Assert.Equal("An", rest["members[0].name"]);
        Assert.Equal("Chi", rest["members[1].name"]);
        Assert.False(rest.ContainsKey("members[2].name"));
        Assert.False(rest.ContainsKey("members[1].home.street"));
        Assert.Equal("kept", rest["other"]);
        Assert.Equal("not an item", rest["members10"]);
    }
}
