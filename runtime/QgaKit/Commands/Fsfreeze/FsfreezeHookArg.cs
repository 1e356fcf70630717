namespace QgaKit.Commands;

/// <summary>
/// The fsfreeze hook (qemu-ga's <c>-F</c>/<c>--fsfreeze-hook</c>): run with <c>freeze</c> before the filesystems are
/// frozen and with <c>thaw</c> after they are thawed. Values as qemu-ga's FsfreezeHookArg (thaw = 0).
/// </summary>
[Hook("fsfreeze", DefaultPath = "/etc/qemu/fsfreeze-hook")]
public enum FsfreezeHookArg
{
    [HookArgument("thaw")]
    Thaw,

    [HookArgument("freeze")]
    Freeze,
}
