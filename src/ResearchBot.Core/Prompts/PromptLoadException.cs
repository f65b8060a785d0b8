namespace ResearchBot.Prompts;

/// <summary>A prompt file is missing or broken; the message names the file.</summary>
public sealed class PromptLoadException(string message, Exception? inner = null) : Exception(message, inner);
