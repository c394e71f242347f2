namespace HelpDesk.Domain.Places;

/// <summary>A volunteer may work at this point. Removing it ends their access to the point at once.</summary>
public sealed class PointAssignment
{
    private PointAssignment() { }

    public PointAssignment(Guid pointId, string userId, DateTimeOffset assignedAt)
    {
        PointId = pointId;
        UserId = userId;
        AssignedAt = assignedAt;
    }

    public Guid PointId { get; private set; }
    public string UserId { get; private set; } = "";
    public DateTimeOffset AssignedAt { get; private set; }
}
