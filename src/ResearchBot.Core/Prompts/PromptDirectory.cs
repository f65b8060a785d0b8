namespace ResearchBot.Prompts;

/// <summary>Finds the prompt directory.</summary>
public static class PromptDirectory
{
    /// <summary>The configured directory, else the first <c>prompts/</c> walking up from <see cref="AppContext.BaseDirectory"/>, then from the current directory.</summary>
    public static string Resolve(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var full = Path.GetFullPath(configured);
            return Directory.Exists(full) ? full : throw new PromptLoadException($"Prompt directory '{full}' (Prompts:Directory) does not exist.");
        }
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "prompts");
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        throw new PromptLoadException(
            $"No 'prompts' directory found above '{AppContext.BaseDirectory}' or '{Directory.GetCurrentDirectory()}'; set Prompts:Directory.");
    }
}
