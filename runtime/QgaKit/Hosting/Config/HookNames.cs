namespace QgaKit.Hosting.Config;

/// <summary>The hook qemu-ga itself knows: configured with <c>-F</c>/<c>--fsfreeze-hook</c> and <c>fsfreeze-hook</c>.</summary>
public static class HookNames
{
    public const string Fsfreeze = "fsfreeze";

    public const string FsfreezeDefaultPath = "/etc/qemu/fsfreeze-hook";
}
