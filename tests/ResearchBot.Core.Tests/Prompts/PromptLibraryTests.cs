using ResearchBot.Prompts;

namespace ResearchBot.Core.Tests.Prompts;

public sealed class PromptLibraryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rb-prompts-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_repository_prompts_load_and_include_every_required_prompt()
    {
        var library = PromptLibrary.Load(PromptDirectory.Resolve(null));

        Assert.Equal("prompts", Path.GetFileName(library.Directory));
        Assert.All(PromptNames.Required, name => Assert.Contains(name, library.Names));
        Assert.All(PromptNames.Required, name => Assert.False(string.IsNullOrWhiteSpace(library.Get(name).Description)));
    }

    [Fact]
    public async Task A_prompt_renders_with_its_variables_and_settings()
    {
        var library = PromptLibrary.Load(PromptDirectory.Resolve(null));
        var prompt = new ChatPrompt(library, new Microsoft.SemanticKernel.Kernel());

        var (messages, options) = await prompt.RenderAsync(PromptNames.CondenseQuestion,
            new Dictionary<string, object?> { ["history"] = "user: a & b <c>", ["question"] = "what about it?" });

        Assert.Equal(["system", "user"], messages.Select(m => m.Role.Value));
        Assert.Contains("user: a & b <c>", messages[1].Text);
        Assert.Equal(0f, options.Temperature);
        Assert.Equal(120, options.MaxOutputTokens);
    }

    [Fact]
    public async Task Editing_a_prompt_file_changes_it_without_a_rebuild()
    {
        CopyRepositoryPrompts();
        File.WriteAllText(Path.Combine(_dir, "PaperOneLiner", "skprompt.txt"), "Summarize {{$papers}} in pirate speak.");

        var library = PromptLibrary.Load(_dir);
        var (messages, _) = await new ChatPrompt(library, new Microsoft.SemanticKernel.Kernel())
            .RenderAsync(PromptNames.PaperOneLiner, new Dictionary<string, object?> { ["papers"] = "[1] X" });

        Assert.Equal("Summarize [1] X in pirate speak.", Assert.Single(messages).Text);
    }

    [Fact]
    public void Bad_json_in_a_config_names_the_file()
    {
        CopyRepositoryPrompts();
        var config = Path.Combine(_dir, "Digest", "config.json");
        File.WriteAllText(config, "{ \"schema\": 1, \"description\": ");

        var error = Assert.Throws<PromptLoadException>(() => PromptLibrary.Load(_dir));

        Assert.Contains(config, error.Message);
        Assert.Contains("not valid", error.Message);
    }

    [Fact]
    public void A_missing_template_file_names_the_file()
    {
        CopyRepositoryPrompts();
        var template = Path.Combine(_dir, "GroundedAnswer", "skprompt.txt");
        File.Delete(template);

        var error = Assert.Throws<PromptLoadException>(() => PromptLibrary.Load(_dir));

        Assert.Contains(template, error.Message);
    }

    [Fact]
    public void A_broken_template_names_the_file()
    {
        CopyRepositoryPrompts();
        var template = Path.Combine(_dir, "CondenseQuestion", "skprompt.txt");
        File.WriteAllText(template, "Broken {{$question");

        var error = Assert.Throws<PromptLoadException>(() => PromptLibrary.Load(_dir));

        Assert.Contains(template, error.Message);
    }

    [Fact]
    public void An_undeclared_variable_names_the_file_and_the_variable()
    {
        CopyRepositoryPrompts();
        var template = Path.Combine(_dir, "Digest", "skprompt.txt");
        File.AppendAllText(template, "{{$mood}}");

        var error = Assert.Throws<PromptLoadException>(() => PromptLibrary.Load(_dir));

        Assert.Contains(template, error.Message);
        Assert.Contains("$mood", error.Message);
    }

    [Fact]
    public void A_missing_required_prompt_is_named()
    {
        CopyRepositoryPrompts();
        Directory.Delete(Path.Combine(_dir, "PaperOneLiner"), recursive: true);

        var error = Assert.Throws<PromptLoadException>(() => PromptLibrary.Load(_dir));

        Assert.Contains("PaperOneLiner", error.Message);
    }

    [Fact]
    public void A_configured_directory_that_does_not_exist_is_a_clear_error()
    {
        var missing = Path.Combine(_dir, "nope");

        var error = Assert.Throws<PromptLoadException>(() => PromptDirectory.Resolve(missing));

        Assert.Contains(missing, error.Message);
        Assert.Contains("Prompts:Directory", error.Message);
    }

    [Fact]
    public void A_literal_angle_bracket_inside_message_blocks_names_the_file()
    {
        CopyRepositoryPrompts();
        var template = Path.Combine(_dir, "PaperOneLiner", "skprompt.txt");
        File.WriteAllText(template, "<message role=\"system\">Write \"[n] <sentence>\".</message>\n<message role=\"user\">{{$papers}}</message>");

        var error = Assert.Throws<PromptLoadException>(() => PromptLibrary.Load(_dir));

        Assert.Contains(template, error.Message);
        Assert.Contains("&lt;", error.Message);
    }

    private void CopyRepositoryPrompts()
    {
        var source = PromptDirectory.Resolve(null);
        foreach (var dir in Directory.GetDirectories(source))
        {
            var target = Directory.CreateDirectory(Path.Combine(_dir, Path.GetFileName(dir))).FullName;
            foreach (var file in Directory.GetFiles(dir)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
    }
}
