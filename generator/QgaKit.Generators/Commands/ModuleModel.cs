using QgaKit.Generators.Common;

namespace QgaKit.Generators.Commands;

/// <summary>Everything the per-assembly module needs: hook classes and command classes with their constructors.</summary>
/// <param name="Libraries">A public type of each referenced assembly that has its own generated module.</param>
internal sealed record ModuleModel(EquatableArray<ModuleHook> Hooks, EquatableArray<ModuleClass> Classes, EquatableArray<string> Libraries);

/// <summary>A hook declared in this assembly.</summary>
internal sealed record ModuleHook(string HookName, string ClassFullName, string ClassName, string Namespace);

/// <summary>A command class of this assembly.</summary>
internal sealed record ModuleClass(string FullName, bool NeedsInstance, bool HasUsableConstructor, EquatableArray<DependencyModel> Dependencies, EquatableArray<string> CommandNames);
