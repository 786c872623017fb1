using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Ui;

/// <summary>
/// No framework default in English reaches a user: every page, read with nonsense in its query and posted with
/// nonsense in its form, answers in French (and never with a 500); the API's binding errors too.
/// </summary>
public sealed partial class FrenchMessagesTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    /// <summary>The texts ASP.NET Core writes by default when a value cannot be bound or a field is implicitly required.</summary>
    private static readonly string[] EnglishDefaults =
    [
        "field is required", "is not valid", "is invalid", "must be a number", "A value for the", "The value '", "request body is required",
        "The supplied value", "Value cannot be null", "The field ", "Failed to bind", "Required parameter",
    ];

    private const string Nonsense = "n'importe quoi \u00e9\u00e0";

    [Fact]
    public async Task EveryPage_NonsenseInQuery_AnswersInFrench_NeverA500()
    {
        await Ledger.Books.OpenAsync(factory);
        var failures = new List<string>();
        var query = string.Join('&', BoundNames(supportsGetOnly: true).Select(n => $"{Uri.EscapeDataString(n)}={Uri.EscapeDataString(Nonsense)}"));
        foreach (var email in new[] { World.Admin, World.LilleMemberEmail, World.Employer })
        {
            using var browser = await factory.SignedInBrowserAsync(email);
            foreach (var route in PageRoutes())
            {
                foreach (var url in new[] { route, $"{route}?{query}", $"{route}?{query.Replace(Uri.EscapeDataString(Nonsense), string.Empty, StringComparison.Ordinal)}" })
                {
                    using var response = await browser.GetAsync(url);
                    failures.Add(await FailureAsync(response, $"{email} GET {url[..Math.Min(url.Length, 80)]}") ?? string.Empty);
                }
            }
        }

        Assert.Equal([], failures.Where(f => f.Length > 0).Distinct());
    }

    [Fact]
    public async Task EveryForm_NonsensePosted_AnswersInFrench_NeverA500()
    {
        await Ledger.Books.OpenAsync(factory);
        using var browser = await factory.SignedInBrowserAsync(World.Admin);
        var names = BoundNames(supportsGetOnly: false).ToList();
        var failures = new List<string>();
        foreach (var route in PageRoutes().Where(r => !r.Contains("deconnexion", StringComparison.Ordinal)))
        {
            using var page = await browser.GetAsync(route);
            if (page.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }

            var fields = BrowserForms.HiddenFields(await page.Content.ReadAsStringAsync());
            if (!fields.ContainsKey("__RequestVerificationToken"))
            {
                continue;
            }

            foreach (var name in names)
            {
                fields[name] = Nonsense;
            }

            fields["__Idempotency"] = Guid.NewGuid().ToString("N");
            using var response = await browser.PostAsync(route, new FormUrlEncodedContent(fields));
            failures.Add(await FailureAsync(response, $"POST {route}") ?? string.Empty);
        }

        Assert.Equal([], failures.Where(f => f.Length > 0));
    }

    [Fact]
    public async Task Api_BadQueryAndBody_AnswerInFrench()
    {
        using var api = await factory.ClientForAsync(World.Admin);
        foreach (var (method, url, body) in new[]
        {
            ("GET", "/api/v1/invoices?page=abc", null),
            ("GET", "/api/v1/members?pageSize=%C3%A9", null),
            ("POST", "/api/v1/invoices", "{"),
            ("POST", "/api/v1/invoices", "{\"paymentTermsDays\": \"abc\"}"),
            ("POST", "/api/v1/clients", "[1, 2]"),
        })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (body is not null)
            {
                request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            }

            using var response = await api.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            await AssertFrenchAsync(response, $"{method} {url}");
        }
    }

    private static async Task AssertFrenchAsync(HttpResponseMessage response, string what) => Assert.Null(await FailureAsync(response, what));

    /// <summary>What is wrong with an answer (a 500, an English default), or null.</summary>
    private static async Task<string?> FailureAsync(HttpResponseMessage response, string what)
    {
        if (response.StatusCode == HttpStatusCode.InternalServerError)
        {
            return $"{what}: 500";
        }

        var text = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var english = EnglishDefaults.FirstOrDefault(e => text.Contains(e, StringComparison.OrdinalIgnoreCase));
        return english is null ? null : $"{what}: « {english} » in {Context(text, english)}";
    }

    private static string Context(string text, string english)
    {
        var at = text.IndexOf(english, StringComparison.OrdinalIgnoreCase);
        return text[Math.Max(0, at - 120)..Math.Min(text.Length, at + 120)];
    }

    /// <summary>Every page's route, its parameters filled with a fresh id (most answer 404: the point is how they answer).</summary>
    private IEnumerable<string> PageRoutes() =>
        factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<PageActionDescriptor>()
            .Select(p => "/" + RouteParameter().Replace(p.AttributeRouteInfo!.Template!, _ => Guid.NewGuid().ToString()))
            .Select(r => r.Replace("//", "/", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The names every page model binds (query or form): its properties, and one level into its form objects.</summary>
    private static IEnumerable<string> BoundNames(bool supportsGetOnly)
    {
        var models = typeof(Partage.App.Ui.PartagePageModel).Assembly.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract);
        foreach (var property in models.SelectMany(m => m.GetProperties(BindingFlags.Public | BindingFlags.Instance)).DistinctBy(p => (p.DeclaringType, p.Name)))
        {
            var bind = property.GetCustomAttribute<BindPropertyAttribute>();
            if (bind is null || (supportsGetOnly && !bind.SupportsGet))
            {
                continue;
            }

            var name = bind.Name ?? property.Name;
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(Guid) || type == typeof(decimal) || type == typeof(DateOnly))
            {
                yield return name;
                continue;
            }

            foreach (var inner in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                var innerType = Nullable.GetUnderlyingType(inner.PropertyType) ?? inner.PropertyType;
                yield return innerType.IsGenericType ? $"{name}.{inner.Name}[0]" : $"{name}.{inner.Name}";
            }
        }
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}

/// <summary>A refused form tells each field what is wrong, in a way screen readers announce.</summary>
public sealed class FieldErrorTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    [Fact]
    public async Task RefusedForm_FieldsInError_AreMarked_DescribedByTheirMessage_SummaryFocused()
    {
        await World.OfAsync(factory);
        using var browser = await factory.SignedInBrowserAsync(World.LilleMemberEmail);
        var fields = BrowserForms.HiddenFields(await browser.GetStringAsync("/clients/nouveau"));
        fields["Input.Name"] = "Théâtre du Nord";
        fields["Input.Kind"] = "Company";
        fields["Input.Country"] = "FR";
        fields["Input.Siren"] = "123456788";
        using var response = await browser.PostAsync("/clients/nouveau", new FormUrlEncodedContent(fields));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        var siren = Regex.Match(html, "<input[^>]*name=\"Input.Siren\"[^>]*>").Value;
        Assert.Contains("aria-invalid=\"true\"", siren, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"Input_Siren-erreur\"", siren, StringComparison.Ordinal);
        Assert.Matches("<span id=\"Input_Siren-erreur\" class=\"field-error\">[^<]*SIREN[^<]*</span>", html);
        Assert.Single(Regex.Matches(html, "id=\"Input_Siren-erreur\""));
        var name = Regex.Match(html, "<input[^>]*name=\"Input.Name\"[^>]*>").Value;
        Assert.DoesNotContain("aria-invalid", name, StringComparison.Ordinal);
        Assert.Matches("<div class=\"alert\" role=\"alert\" id=\"erreurs\" tabindex=\"-1\" autofocus>", html);
    }
}
