using ResearchBot.Bundled;
using ResearchBot.Prompts;

namespace ResearchBot.Core.Tests.Bundled;

/// <summary>The prompts built into the program are the repository's, and load like them.</summary>
public sealed class BundledFolderTests
{
    private static IEnumerable<(string, string)> Files(string folder) => Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
        .Select(f => (Path.GetRelativePath(folder, f), File.ReadAllText(f))).Order();

    [Fact]
    public void The_built_in_prompts_are_the_repository_prompts_and_load()
    {
        var repository = PromptDirectory.Resolve(null);
        var builtIn = BundledFolder.Extract(BundledFolder.Prompts);

        Assert.NotNull(builtIn);
        Assert.NotEqual(repository, builtIn);
        Assert.Equal(Files(repository), Files(builtIn));
        Assert.All(PromptNames.Required, name => Assert.Contains(name, PromptLibrary.Load(builtIn).Names));
    }

    [Fact]
    public void Extracting_twice_gives_the_same_folder_and_an_unknown_name_gives_null()
    {
        Assert.Equal(BundledFolder.Extract(BundledFolder.SampleCorpus), BundledFolder.Extract(BundledFolder.SampleCorpus));
        Assert.Null(BundledFolder.Extract("no-such-folder"));
    }
}
