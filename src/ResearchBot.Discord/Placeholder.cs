namespace ResearchBot.Discord; internal static class Placeholder {}
