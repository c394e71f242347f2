using HelpDesk.Domain.Audit;

namespace HelpDesk.Domain.Tests.Audit;

public sealed class AuditEventNext
{
    private static readonly DateTimeOffset Now = VietnamTime.At(new DateOnly(2026, 12, 1), new TimeOnly(18, 0));
    private static readonly Guid ResidentId = Guid.Parse("0b7e3f1a-0000-4000-8000-000000000001");
    private static readonly Guid PointId = Guid.Parse("0b7e3f1a-0000-4000-8000-000000000002");

    private static AuditEntry Viewed(string userId = "volunteer-1") =>
        new(AuditActions.ConsentViewed, userId, ResidentId, "consent:42", PointId, "signature");

    private static IReadOnlyList<AuditEvent> Chain(int length)
    {
        var events = new List<AuditEvent>();
        for (var i = 0; i < length; i++) events.Add(AuditEvent.Next(events.LastOrDefault(), Viewed(), Now.AddMinutes(i)));
        return events;
    }

    [Fact]
    public void The_first_event_chains_onto_genesis_with_sequence_one()
    {
        var first = AuditEvent.Next(null, Viewed(), Now);
        Assert.Equal(1, first.Sequence);
        Assert.Equal(AuditEvent.Genesis, first.PreviousHash);
        Assert.True(first.IsIntactAfter(AuditEvent.Genesis));
    }

    [Fact]
    public void Records_the_entry_and_the_time_in_utc()
    {
        var atTheDesk = VietnamTime.ToLocal(Now); // 18:00+07:00
        var first = AuditEvent.Next(null, Viewed(), atTheDesk);
        Assert.Equal(("volunteer-1", AuditActions.ConsentViewed, ResidentId, "consent:42", PointId, "signature"),
            (first.UserId, first.Action, first.ResidentId, first.Subject, first.PointId, first.Detail));
        Assert.Equal(Now, first.At);
        Assert.Equal(TimeSpan.Zero, first.At.Offset);
    }

    [Fact]
    public void Each_next_event_follows_the_previous_one_by_sequence_and_hash()
    {
        var chain = Chain(4);
        for (var i = 1; i < chain.Count; i++)
        {
            Assert.Equal(chain[i - 1].Sequence + 1, chain[i].Sequence);
            Assert.Equal(chain[i - 1].Hash, chain[i].PreviousHash);
        }
    }

    [Fact]
    public void An_untouched_chain_is_intact()
    {
        var previousHash = AuditEvent.Genesis;
        foreach (var @event in Chain(4))
        {
            Assert.True(@event.IsIntactAfter(previousHash));
            previousHash = @event.Hash;
        }
    }

    [Theory]
    [InlineData(nameof(AuditEvent.Sequence))]
    [InlineData(nameof(AuditEvent.At))]
    [InlineData(nameof(AuditEvent.UserId))]
    [InlineData(nameof(AuditEvent.Action))]
    [InlineData(nameof(AuditEvent.ResidentId))]
    [InlineData(nameof(AuditEvent.Subject))]
    [InlineData(nameof(AuditEvent.PointId))]
    [InlineData(nameof(AuditEvent.Detail))]
    [InlineData(nameof(AuditEvent.PreviousHash))]
    [InlineData(nameof(AuditEvent.Hash))]
    public void An_event_changed_afterwards_is_no_longer_intact(string field)
    {
        var chain = Chain(2);
        var property = typeof(AuditEvent).GetProperty(field)!;
        // Stands in for someone editing the stored row: the domain itself offers no way to change an event.
        property.SetValue(chain[1], Different(property.GetValue(chain[1])));

        Assert.False(chain[1].IsIntactAfter(chain[0].Hash));
    }

    [Fact]
    public void An_event_checked_against_the_wrong_previous_hash_is_not_intact()
    {
        var chain = Chain(3);
        Assert.False(chain[2].IsIntactAfter(chain[0].Hash)); // the event in between was removed
        Assert.False(chain[1].IsIntactAfter(AuditEvent.Genesis));
    }

    [Fact]
    public void The_same_content_after_a_different_previous_event_hashes_differently()
    {
        var afterOne = AuditEvent.Next(AuditEvent.Next(null, Viewed("volunteer-1"), Now), Viewed(), Now.AddMinutes(1));
        var afterAnother = AuditEvent.Next(AuditEvent.Next(null, Viewed("volunteer-2"), Now), Viewed(), Now.AddMinutes(1));

        Assert.Equal((afterOne.Sequence, afterOne.At, afterOne.UserId), (afterAnother.Sequence, afterAnother.At, afterAnother.UserId));
        Assert.NotEqual(afterOne.PreviousHash, afterAnother.PreviousHash);
        Assert.NotEqual(afterOne.Hash, afterAnother.Hash);
    }

    private static object Different(object? value) => value switch
    {
        long number => number + 1,
        DateTimeOffset at => at.AddTicks(1),
        Guid => Guid.NewGuid(),
        string text => text + "x",
        _ => throw new ArgumentException($"no different value for {value}"),
    };
}
