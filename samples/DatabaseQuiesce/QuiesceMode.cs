namespace DatabaseQuiesce;

/// <summary>How hard the hook quiesces the databases; on the wire <c>read-lock</c> or <c>flush-only</c>
/// (enum members bind by their kebab-case names; anything else is
/// <c>Parameter 'mode' does not accept value '…'</c>).</summary>
public enum QuiesceMode
{
    /// <summary>Flush, then block writes until post-snapshot or abort (a consistent snapshot).</summary>
    ReadLock,

    /// <summary>Only flush; writes go on (a crash-consistent snapshot, no stalled clients).</summary>
    FlushOnly,
}
