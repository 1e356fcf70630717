using System;
using System.IO;
using System.Runtime.Versioning;

namespace QgaKit.Tests.Hooks;

/// <summary>A private temp directory (0700, root-or-owner, so trusted) for test hooks; removed on dispose.</summary>
[SupportedOSPlatform("linux")]
internal sealed class HookScratch : IDisposable
{
    public HookScratch()
    {
        Root = Directory.CreateTempSubdirectory("qgakit-hooks-").FullName;
        File.SetUnixFileMode(Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Root { get; }

    public string PathOf(string name) => Path.Combine(Root, name);

    /// <summary>Writes a file with an octal mode such as "755".</summary>
    public string Write(string name, string content, string octalMode)
    {
        string path = PathOf(name);
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32(octalMode, 8));
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
