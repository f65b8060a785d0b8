using System.Reflection;

namespace ResearchBot.Bundled;

/// <summary>
/// The folders built into the assembly (the prompts and the sample corpus), so a published build runs from any folder.
/// A folder is written once per build to a cache folder under the temp directory (keyed by the assembly's build id) and
/// read from there like any other folder.
/// </summary>
public static class BundledFolder
{
    /// <summary>The embedded prompt directory (<c>prompts/</c> of the repository).</summary>
    public const string Prompts = "prompts";

    /// <summary>The embedded sample corpus (<c>data/sample/</c> of the repository).</summary>
    public const string SampleCorpus = "sample";

    private static readonly Assembly Assembly = typeof(BundledFolder).Assembly;
    private static readonly Lock Gate = new();

    /// <summary>A folder holding the embedded files of <paramref name="name"/>; null when the assembly has none.</summary>
    public static string? Extract(string name)
    {
        var prefix = name + "/";
        var resources = Assembly.GetManifestResourceNames().Where(r => r.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        if (resources.Count == 0) return null;
        var root = Path.Combine(Path.GetTempPath(), $"researchbot-bundled-{Environment.UserName}-{Assembly.ManifestModule.ModuleVersionId:N}");
        var folder = Path.Combine(root, name);
        lock (Gate)
        {
            if (Directory.Exists(folder)) return folder;
            var staging = Path.Combine(root, $"{name}.{Environment.ProcessId}.{Guid.NewGuid():N}");
            foreach (var resource in resources)
            {
                var target = Path.Combine(staging, resource[prefix.Length..].Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                using var input = Assembly.GetManifestResourceStream(resource)!;
                using var output = File.Create(target);
                input.CopyTo(output);
            }
            try
            {
                Directory.Move(staging, folder);
            }
            catch (IOException) when (Directory.Exists(folder))
            {
                // Another process wrote the same files first.
                Directory.Delete(staging, recursive: true);
            }
            return folder;
        }
    }
}
