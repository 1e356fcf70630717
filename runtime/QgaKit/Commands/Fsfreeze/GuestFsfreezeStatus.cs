namespace QgaKit.Commands;

/// <summary>The agent's frozen flag as guest-fsfreeze-status reports it (QAPI GuestFsfreezeStatus).</summary>
public enum GuestFsfreezeStatus
{
    Thawed,
    Frozen,
}
