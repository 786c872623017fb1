using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Partage.Tests.Infrastructure;

/// <summary>The server-rendered forms as a browser without JavaScript posts them: their hidden fields (anti-forgery, idempotency key) and the sign-in.</summary>
public static partial class BrowserForms
{
    [GeneratedRegex("""<input[^>]*type="hidden"[^>]*name="(?<name>[^"]+)"[^>]*value="(?<value>[^"]*)"|<input[^>]*name="(?<name>[^"]+)"[^>]*type="hidden"[^>]*value="(?<value>[^"]*)""")]
    private static partial Regex Hidden();

    /// <summary>The page's hidden fields, the first of each name (a page with several forms repeats the anti-forgery token, the same in each).</summary>
    public static Dictionary<string, string> HiddenFields(string html) =>
        Hidden().Matches(html).DistinctBy(m => m.Groups["name"].Value).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));

    /// <summary>A browser (cookies, no redirects followed) signed in through the sign-in form.</summary>
    public static async Task<HttpClient> SignedInBrowserAsync(this PartageFactory factory, string email)
    {
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var fields = HiddenFields(await browser.GetStringAsync("/connexion"));
        fields["Email"] = email;
        fields["Password"] = World.Password;
        using var response = await browser.PostAsync("/connexion", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }
}
