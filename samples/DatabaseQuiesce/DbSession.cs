using System.Collections.Generic;

namespace DatabaseQuiesce;

/// <summary>
/// A snapshot session, the reply of every guest-db-* command, e.g.
/// <c>{"session-id": "5f0c9e21", "label": "nightly", "state": "prepared", "mode": "read-lock",
/// "databases": ["sales", "crm"], "prepared-at": 1764140400}</c>. Null members (<c>finished-at</c>,
/// <c>snapshot</c> until the session is completed) are left out of the reply: QAPI never sends null.
/// </summary>
/// <param name="PreparedAt">Seconds since the Unix epoch, as qemu-ga's own times.</param>
public sealed record DbSession(
    string SessionId,
    string Label,
    SessionState State,
    QuiesceMode Mode,
    IReadOnlyList<string> Databases,
    long PreparedAt,
    long? FinishedAt = null,
    SnapshotInfo? Snapshot = null);
