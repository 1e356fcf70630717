using System.Text;
using QgaKit.Hooks;
using QgaKit.Hosting.Config;

namespace QgaKit.Hosting.CommandLine;

/// <summary><c>-h</c>: qemu-ga 7.2's usage text (Debian's build) with 10.2's <c>-c</c> and <c>-a</c> and the kit's hook options.</summary>
public static class UsageText
{
    public static string Format(string argv0, string version, HookCatalog hooks)
    {
        var fsfreezeDefault = HookNames.FsfreezeDefaultPath;
        foreach (var hook in hooks.Hooks)
        {
            if (hook.Name == HookNames.Fsfreeze)
            {
                fsfreezeDefault = hook.DefaultPath;
            }
        }

        var text = new StringBuilder();
        text.Append($"Usage: {argv0} [-m <method> -p <path>] [<options>]\n");
        text.Append($"QEMU Guest Agent {version} (QgaKit)\n");
        text.Append('\n');
        text.Append("  -c, --config=PATH configuration file path (default is\n");
        text.Append($"                    {ConfigLocation.DefaultPath}\n");
        text.Append("                    unless overriden by the QGA_CONF environment variable)\n");
        text.Append("  -m, --method      transport method: one of unix-listen, virtio-serial,\n");
        text.Append("                    isa-serial, or vsock-listen (virtio-serial is the default)\n");
        text.Append("  -p, --path        device/socket path (the default for virtio-serial is:\n");
        text.Append($"                    {CommandLineTexts.VirtioSerialDefaultPath},\n");
        text.Append("                    the default for isa-serial is:\n");
        text.Append($"                    {CommandLineTexts.IsaSerialDefaultPath}).\n");
        text.Append("                    Socket addresses for vsock-listen are written as\n");
        text.Append("                    <cid>:<port>.\n");
        text.Append("  -l, --logfile     set logfile path, logs to stderr by default\n");
        text.Append("  -f, --pidfile     specify pidfile (default is /var/run/qemu-ga.pid)\n");
        text.Append("  -F, --fsfreeze-hook\n");
        text.Append("                    enable fsfreeze hook. Accepts an optional argument that\n");
        text.Append("                    specifies script to run on freeze/thaw. Script will be\n");
        text.Append("                    called with 'freeze'/'thaw' arguments accordingly.\n");
        text.Append($"                    (default is {fsfreezeDefault})\n");
        text.Append("                    If using -F with an argument, do not follow -F with a\n");
        text.Append("                    space.\n");
        text.Append("                    (for example: -F/var/run/fsfreezehook.sh)\n");
        foreach (var hook in hooks.Hooks)
        {
            if (hook.Name == HookNames.Fsfreeze)
            {
                continue;
            }

            text.Append($"      --{ConfigKeys.Hook(hook.Name)}[=PATH]\n");
            text.Append($"                    enable the {hook.Name} hook, optionally with the script to run\n");
            text.Append($"                    (default is {hook.DefaultPath}); give PATH with '=', not a space\n");
        }

        text.Append("      --hook-timeout=SECONDS\n");
        text.Append("                    stop a hook that runs longer (SIGTERM to its process group,\n");
        text.Append("                    SIGKILL 5 seconds later) and fail its command; 0 waits for ever\n");
        text.Append("                    (the default, as qemu-ga)\n");
        text.Append("      --hook-log    log each hook's stdout and stderr at info level instead of\n");
        text.Append("                    discarding them\n");
        text.Append("      --hook-allow-untrusted\n");
        text.Append("                    run hooks that other users could have modified (by default\n");
        text.Append("                    a hook and its directories must be owned by root or the agent's\n");
        text.Append("                    user and not writable by group or others)\n");
        text.Append("  -t, --statedir    specify dir to store state information (absolute paths\n");
        text.Append("                    only, default is /var/run)\n");
        text.Append("  -v, --verbose     log extra debugging information\n");
        text.Append("  -V, --version     print version information and exit\n");
        text.Append("  -d, --daemonize   become a daemon\n");
        text.Append("  -b, --block-rpcs  comma-separated list of RPCs to disable (no spaces,\n");
        text.Append("                    use \"help\" to list available RPCs)\n");
        text.Append("  -a, --allow-rpcs  comma-separated list of RPCs to enable (no spaces,\n");
        text.Append("                    use \"help\" to list available RPCs)\n");
        text.Append("  -D, --dump-conf   dump a qemu-ga config file based on current config\n");
        text.Append("                    options / command-line parameters to stdout\n");
        text.Append("  -r, --retry-path  attempt re-opening path if it's unavailable or closed\n");
        text.Append("                    due to an error which may be recoverable in the future\n");
        text.Append("                    (virtio-serial driver re-install, serial device hot\n");
        text.Append("                    plug/unplug, etc.)\n");
        text.Append("  -h, --help        display this help and exit\n");
        return text.ToString();
    }
}
