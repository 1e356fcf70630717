using System;
using System.IO;

namespace QgaKit.Templates.Tests.Infrastructure;

/// <summary>Where the kit's sources are, found from the test assembly's location.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string RuntimeProject => Path.Combine(Root, "runtime", "QgaKit", "QgaKit.csproj");

    public static string TemplatesProject => Path.Combine(Root, "templates", "QgaKit.Templates.csproj");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Kit.sln not found above " + AppContext.BaseDirectory);
    }
}
