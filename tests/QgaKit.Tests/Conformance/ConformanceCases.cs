using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace QgaKit.Tests.Conformance;

/// <summary>Every differential case, by name (theory rows carry only the name so that each is its own test).</summary>
public static class ConformanceCases
{
    private static readonly Lazy<Dictionary<string, ConformanceCase>> Cases = new(() =>
        ProtocolCases.All().Concat(GarbageCases.All()).Concat(ConnectionCases.All()).Concat(LimitCases.All()).Concat(FuzzCases.All())
            .Select(ObservedReplies.Apply).Select(KnownFailures.Apply)
            .ToDictionary(c => c.Name, StringComparer.Ordinal));

    public static IReadOnlyCollection<ConformanceCase> All => Cases.Value.Values;

    public static ConformanceCase Get(string name) => Cases.Value[name];

    public static TheoryData<string> Recorded() => Names(c => c.Recorded is not null);

    public static TheoryData<string> Unrecorded() => Names(c => c.Recorded is null);

    public static TheoryData<string> Differential() => Names(c => c.ReferenceOnly is null);

    private static TheoryData<string> Names(Func<ConformanceCase, bool> filter)
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases.Value.Values.Where(filter))
        {
            data.Add(c.Name);
        }

        return data;
    }
}
