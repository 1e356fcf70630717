namespace DatabaseQuiesce;

/// <summary>Where a snapshot session is: <c>prepared</c> until <c>guest-db-complete</c> or <c>guest-db-abort</c>
/// succeeds.</summary>
public enum SessionState
{
    Prepared,
    Completed,
    Aborted,
}
