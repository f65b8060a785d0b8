using ResearchBot.Discord.Rest;

namespace ResearchBot.Discord.Tests;

public class RouteKeyTests
{
    [Theory]
    [InlineData("POST", "http://h/api/v10/channels/123/messages", "channels/123/messages", "channels/123")]
    [InlineData("PATCH", "http://h/api/v10/channels/123/messages/456", "channels/123/messages/{id}", "channels/123")]
    [InlineData("PATCH", "http://h/api/v10/webhooks/9/tok/messages/@original", "webhooks/9/{token}/messages/@original", "webhooks/9/tok")]
    [InlineData("POST", "http://h/api/v10/interactions/77/aVeryLongInteractionTokenThatIsSecret/callback", "interactions/{id}/{id}/callback", "")]
    [InlineData("GET", "http://h/api/v10/gateway/bot", "gateway/bot", "")]
    public void Keys_routes_by_template_and_major_parameter(string method, string url, string template, string major)
    {
        var key = RouteKey.From(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.Equal(new RouteKey(method, template, major), key);
    }
}
