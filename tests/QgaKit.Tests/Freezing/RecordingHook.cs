using System;
using System.Collections.Generic;
using QgaKit.Freezing;

namespace QgaKit.Tests.Freezing;

/// <summary>Records the freezer's hook calls (the hook runner itself is tested with real executables elsewhere).</summary>
internal sealed class RecordingHook : IFreezeHook
{
    public List<string> Calls { get; } = new();

    public string? FailFreeze { get; set; }

    public string? FailThaw { get; set; }

    /// <summary>Runs inside each call, e.g. to look at the state file at that moment.</summary>
    public Action<string>? Observe { get; set; }

    public void RunFreeze()
    {
        Calls.Add("freeze");
        Observe?.Invoke("freeze");
        if (FailFreeze is not null)
        {
            throw new QgaException(FailFreeze);
        }
    }

    public void RunThaw()
    {
        Calls.Add("thaw");
        Observe?.Invoke("thaw");
        if (FailThaw is not null)
        {
            throw new QgaException(FailThaw);
        }
    }
}
