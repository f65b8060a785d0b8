namespace ResearchBot.Prompts;

/// <summary>Finds the prompt directory.</summary>
public static class PromptDirectory
{
    /// <summary>The configured directory, else the first <c>prompts/</c> walking up from <see cref="AppContext.BaseDirectory"/>
    /// (a build in the repository uses the editable prompts), else the prompts built into the program.</summary>
    public static string Resolve(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var full = Path.GetFullPath(configured);
            return Directory.Exists(full) ? full : throw new PromptLoadException($"Prompt directory '{full}' (Prompts:Directory) does not exist.");
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "prompts");
            if (Directory.Exists(candidate)) return candidate;
        }
        return Bundled.BundledFolder.Extract(Bundled.BundledFolder.Prompts)
            ?? throw new PromptLoadException($"No 'prompts' directory found above '{AppContext.BaseDirectory}' and none is built in; set Prompts:Directory.");
    }
}
