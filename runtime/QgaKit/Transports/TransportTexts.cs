namespace QgaKit.Transports;

/// <summary>qemu-ga's channel set-up texts (qga/channel-posix.c, util/qemu-sockets.c; checked on 7.2), in one place.</summary>
internal static class TransportTexts
{
    public static string OpenFailed(string path, string reason) => "error opening channel '" + path + "': " + reason;

    public static string PathTooLong(string path) => "UNIX socket path '" + path + "' is too long";

    public static string CreateUnixSocketFailed(string reason) => "Failed to create Unix socket: " + reason;

    public static string UnlinkFailed(string path, string reason) => "Failed to unlink socket " + path + ": " + reason;

    public static string BindFailed(string path, string reason) => "Failed to bind socket to " + path + ": " + reason;

    public static string ParseAddressFailed(string address) => "error parsing address '" + address + "'";

    public static string TrailingCharacters(string address) => "trailing characters in address '" + address + "'";

    public static string ParseCidFailed(string cid) => "Failed to parse cid '" + cid + "'";

    public static string ParsePortFailed(string port) => "Failed to parse port '" + port + "'";

    public static string CreateSocketFailed(string reason) => "Failed to create socket: " + reason;

    public static string BindVsockFailed(string reason) => "Failed to bind socket: " + reason;

    public static string ListenFailed(string reason) => "Failed to listen on socket: " + reason;
}
