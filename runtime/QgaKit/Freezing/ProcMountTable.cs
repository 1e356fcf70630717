using System.Collections.Generic;
using System.IO;

namespace QgaKit.Freezing;

/// <summary>The agent's mount list: <c>/proc/self/mountinfo</c>, or <c>/proc/self/mounts</c> when that cannot be read.</summary>
public sealed class ProcMountTable : IMountTableSource
{
    public const string MountInfoPath = "/proc/self/mountinfo";
    public const string MountsPath = "/proc/self/mounts";

    public IReadOnlyList<MountEntry> Read()
    {
        string text;
        try
        {
            text = File.ReadAllText(MountInfoPath);
        }
        catch (IOException)
        {
            return ReadMounts();
        }
        catch (System.UnauthorizedAccessException)
        {
            return ReadMounts();
        }

        return MountTable.ParseMountInfo(text);
    }

    private static IReadOnlyList<MountEntry> ReadMounts()
    {
        try
        {
            return MountTable.ParseMounts(File.ReadAllText(MountsPath));
        }
        catch (System.Exception e) when (e is IOException or System.UnauthorizedAccessException)
        {
            throw new QgaException(FreezeTexts.CannotOpenMtab(MountsPath));
        }
    }
}
