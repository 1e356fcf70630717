using System.Collections.Generic;

namespace DatabaseQuiesce;

/// <summary>
/// What the host took, as it tells <c>guest-db-complete</c>: a record argument with a nested list of records,
/// <c>{"name": "nightly-20261126", "disks": [{"device": "vda", "bytes": 21474836480}]}</c>. Members bind by their
/// kebab-case names; nullable members are optional.
/// </summary>
public sealed record SnapshotInfo(string Name, IReadOnlyList<SnapshotDisk>? Disks);

/// <summary>One disk of a snapshot: <c>{"device": "vda", "bytes": 21474836480}</c>.</summary>
public sealed record SnapshotDisk(string Device, long? Bytes);
