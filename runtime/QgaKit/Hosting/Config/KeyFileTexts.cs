namespace QgaKit.Hosting.Config;

// GLib 2.74's GKeyFile error texts (glib/gkeyfile.c), with its curly quotes. qemu-ga never calls setlocale(), so
// GLib prints each curly quote as '?' there; we print the UTF-8 text GLib means (docs/compatibility.md).
internal static class KeyFileTexts
{
    public const string NotRegularFile = "Not a regular file";

    public const string DoesNotStartWithGroup = "Key file does not start with a group";

    public static string NotKeyValuePair(string line) => $"Key file contains line “{line}” which is not a key-value pair, group, or comment";

    public static string InvalidGroupName(string name) => $"Invalid group name: {name}";

    public static string InvalidKeyName(string name) => $"Invalid key name: {name}";

    public static string UnsupportedEncoding(string encoding) => $"Key file contains unsupported encoding “{encoding}”";

    public static string NotUtf8(string key, string value) => $"Key file contains key “{key}” with value “{value}” which is not UTF-8";

    public static string CannotInterpret(string key) => $"Key file contains key “{key}” which has a value that cannot be interpreted.";

    public static string CannotInterpretInGroup(string key, string group) => $"Key file contains key “{key}” in group “{group}” which has a value that cannot be interpreted.";

    public static string KeyNotFound(string key) => $"Key file does not have key “{key}”";
}
