namespace QgaKit.Hosting.CommandLine;

// qemu-ga's texts for its command line and config file (qga/main.c, checked against the 7.2 binary), in one place.
internal static class CommandLineTexts
{
    public static string UnknownOption(string argv0) => $"Unknown option, try '{argv0} --help' for more information.";

    public static string Version(string version) => $"QEMU Guest Agent {version}";

    public static string ConfigLoadError(string path, string message) => $"error loading configuration from path: {path}, {message}";

    public const string MustSpecifyPath = "must specify a path for this channel";

    public const string OnlyOneSocket = "qemu-ga only supports listening on one socket";

    public const string UnsupportedListenFd = "unsupported listen fd type";

    public const string DeprecatedBlacklistKey = "config using deprecated 'blacklist' key, should be replaced with the 'block-rpcs' key.";

    // The kit's own option: qemu-ga has no such text.
    public static string InvalidHookTimeout(string value) => $"invalid hook timeout '{value}': expected a whole number of seconds, 0 or more";

    public const string VirtioSerialDefaultPath = "/dev/virtio-ports/org.qemu.guest_agent.0";

    public const string IsaSerialDefaultPath = "/dev/ttyS0";
}
