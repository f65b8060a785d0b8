using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ResearchBot.TestSupport.Discord;

/// <summary>
/// A Discord server on 127.0.0.1 (a free port): REST v10 under <see cref="ApiBaseUrl"/> and the gateway at
/// <see cref="GatewayUrl"/> (resumes go to <c>/resume</c>). Tests drive the real client against it.
/// </summary>
public sealed class DiscordEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DiscordEmulator(WebApplication app, string origin)
    {
        _app = app;
        ApiBaseUrl = origin + "/api/v10";
        var ws = "ws" + origin[4..];
        GatewayUrl = ws + "/gateway";
        Gateway.ResumeUrl = ws + "/resume";
        Rest.GatewayUrl = GatewayUrl;
    }

    public string ApiBaseUrl { get; }
    public string GatewayUrl { get; }
    public string ResumeUrl => Gateway.ResumeUrl;
    public EmulatedGateway Gateway { get; } = new();
    public EmulatedRest Rest { get; } = new();

    /// <summary>Dispatches a click on a button of message <paramref name="messageId"/> (its responses of type 6/7 update that message).</summary>
    public Task<long> ClickAsync(string interactionId, string customId, string messageId, string userId = DiscordEvents.UserId,
        string permissions = DiscordEvents.AllPermissions, string channelId = DiscordEvents.ChannelId, string? guildId = DiscordEvents.GuildId)
    {
        var token = "tok-" + interactionId;
        Rest.RegisterComponentMessage(token, messageId);
        return Gateway.DispatchAsync("INTERACTION_CREATE",
            DiscordEvents.Component(interactionId, token, Gateway.ApplicationId, customId, messageId, channelId, userId, permissions, guildId));
    }

    /// <summary>Dispatches an autocomplete request while <paramref name="focused"/> of /<paramref name="command"/> reads <paramref name="typed"/>.</summary>
    public Task<long> AutocompleteAsync(string interactionId, string command, string focused, string typed, string channelId = DiscordEvents.ChannelId) =>
        Gateway.DispatchAsync("INTERACTION_CREATE", DiscordEvents.Autocomplete(interactionId, "tok-" + interactionId, Gateway.ApplicationId, command, focused, typed, channelId));

    /// <summary>Dispatches a MESSAGE_REACTION_ADD (or _REMOVE) of <paramref name="emoji"/> on <paramref name="messageId"/>.</summary>
    public Task<long> ReactAsync(string messageId, string emoji, string userId = DiscordEvents.UserId, string channelId = DiscordEvents.ChannelId,
        string? guildId = DiscordEvents.GuildId, bool remove = false) =>
        Gateway.DispatchAsync(remove ? "MESSAGE_REACTION_REMOVE" : "MESSAGE_REACTION_ADD", DiscordEvents.Reaction(messageId, emoji, userId, channelId, guildId));

    public static async Task<DiscordEmulator> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.UseWebSockets();
        DiscordEmulator? emulator = null;
        app.Map("/gateway", (HttpContext c) => emulator!.Gateway.HandleAsync(c, "/gateway"));
        app.Map("/resume", (HttpContext c) => emulator!.Gateway.HandleAsync(c, "/resume"));
        app.Map("/api/v10/{**path}", (HttpContext c, string path) => emulator!.Rest.HandleAsync(c, path));
        await app.StartAsync();
        var origin = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator = new DiscordEmulator(app, origin.Replace("[::1]", "127.0.0.1").TrimEnd('/'));
        return emulator;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
