namespace QgaKit.Freezing;

/// <summary>
/// The hook the freezer runs around a freeze (the generated <c>FsfreezeHook</c> behind an adapter). Each method
/// runs the hook and waits; a failure throws <see cref="QgaException"/> with the hook runner's text.
/// </summary>
public interface IFreezeHook
{
    /// <summary>Runs the hook with <c>freeze</c>.</summary>
    void RunFreeze();

    /// <summary>Runs the hook with <c>thaw</c>.</summary>
    void RunThaw();
}
