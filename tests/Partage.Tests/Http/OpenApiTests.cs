using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Infrastructure.Http;
using Partage.Kernel;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Http;

/// <summary>The OpenAPI document a client generates from, and money as it travels (issue 14).</summary>
public class OpenApiTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    private async Task<JsonElement> DocumentAsync()
    {
        await factory.ReadyAsync();
        using var client = factory.CreateClient();
        return JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
    }

    private static string OpenApiPath(string pattern) =>
        Regex.Replace(pattern.TrimEnd('/'), @"\{(\w+)(:[^}]*)?\}", "{$1}");

    [Fact]
    public async Task Document_EveryProtectedOperationDeclaresBearer_AndOnlyThose()
    {
        var document = await DocumentAsync();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(r => r.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(r => (r.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (
                Path: OpenApiPath(r.RoutePattern.RawText!), Method: m.ToLowerInvariant(),
                Protected: r.Metadata.GetOrderedMetadata<IAuthorizeData>().Any() && r.Metadata.GetMetadata<IAllowAnonymous>() is null)))
            .ToList();
        Assert.Contains(endpoints, e => !e.Protected);   // sign-in, registration, the simulators
        Assert.Contains(endpoints, e => e.Protected);

        Assert.All(endpoints, e =>
        {
            var operation = document.GetProperty("paths").GetProperty(e.Path).GetProperty(e.Method);
            var bearer = operation.TryGetProperty("security", out var security)
                && security.EnumerateArray().Any(requirement => requirement.TryGetProperty(OpenApiSetup.BearerScheme, out _));
            Assert.True(bearer == e.Protected, $"{e.Method.ToUpperInvariant()} {e.Path}: bearer declared {bearer}, protected {e.Protected}");
        });
    }

    [Fact]
    public async Task Document_RoleGroupOperations_Declare403AndWhoMayCall()
    {
        var document = await DocumentAsync();
        var gated = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(r => r.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is { } p && App.Security.SecuritySetup.RolePolicies.ContainsKey(p)))
            .SelectMany(r => (r.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Path: OpenApiPath(r.RoutePattern.RawText!), Method: m.ToLowerInvariant())))
            .ToList();
        Assert.Contains(gated, e => e.Path == "/api/v1/payroll/runs");
        Assert.Contains(gated, e => e.Path == "/api/v1/ledger/entries");
        Assert.DoesNotContain(gated, e => e.Path == "/api/v1/invoices" && e.Method == "get");   // everyone lists their own
        Assert.All(gated, e =>
        {
            var operation = document.GetProperty("paths").GetProperty(e.Path).GetProperty(e.Method);
            Assert.True(operation.GetProperty("responses").TryGetProperty("403", out var forbidden), $"{e.Method} {e.Path} declares no 403");
            Assert.StartsWith("Réservé à : Administration", forbidden.GetProperty("description").GetString(), StringComparison.Ordinal);
        });
        var run = document.GetProperty("paths").GetProperty("/api/v1/payroll/runs").GetProperty("post");
        Assert.EndsWith("Réservé à : Administration, Paie.", run.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Document_StateChangesAreVerbs_NotNominalisedActions()
    {
        var document = await DocumentAsync();
        var actions = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Value.TryGetProperty("post", out _))
            .Select(p => p.Name.Split('/')[^1])
            .Where(last => !last.StartsWith('{'))
            .ToList();
        Assert.Contains("validate", actions);
        Assert.Contains("countersign", actions);
        // "/validation", "/signature", "/termination": a state change is named by its verb (docs/architecture.md).
        Assert.DoesNotContain(actions, last => Regex.IsMatch(last, "(ation|ature)$"));
    }

    [Fact]
    public async Task Document_EveryOperationHasASuccessResponse()
    {
        var document = await DocumentAsync();

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => o.Value.TryGetProperty("responses", out _)).Select(o => (Name: $"{o.Name} {path.Name}", Operation: o.Value)))
            .ToList();
        Assert.NotEmpty(operations);
        Assert.All(operations, o => Assert.True(
            o.Operation.GetProperty("responses").EnumerateObject().Any(r => r.Name.StartsWith('2')), $"{o.Name} declares no 2xx response"));
    }

    [Fact]
    public async Task Document_MoneyHasOneShape_AmountAndCurrency()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var money = schemas.GetProperty("Money");
        Assert.Equal(["amount", "currency"], money.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(MoneyJsonConverter.AmountPattern, money.GetProperty("properties").GetProperty("amount").GetProperty("pattern").GetString());
        var leaks = schemas.EnumerateObject()
            .SelectMany(s => s.Value.TryGetProperty("properties", out var p) ? p.EnumerateObject().Select(property => $"{s.Name}.{property.Name}") : [])
            .Where(name => name.EndsWith(".isZero", StringComparison.Ordinal) || name.EndsWith(".isNegative", StringComparison.Ordinal) || name.EndsWith(".cents", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(leaks);
    }

    [Fact]
    public async Task Api_MoneyTravelsAsAmountStringAndCurrency()
    {
        var world = await World.OfAsync(factory);
        using var client = await factory.ClientForAsync(World.Finance);

        using var response = await client.GetAsync($"/api/v1/activities/{world.LilleActivity}/budget");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var earned = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("earned");

        Assert.Equal(["amount", "currency"], earned.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Matches(MoneyJsonConverter.AmountPattern, earned.GetProperty("amount").GetString());
        Assert.Equal("EUR", earned.GetProperty("currency").GetString());
    }

    [Theory]
    [InlineData("""{"amount": "1234.56", "currency": "EUR"}""", 123_456L)]
    [InlineData("""{"amount": -0.5}""", -50L)]
    [InlineData("""{"currency": "EUR", "amount": "0.00"}""", 0L)]
    public void Converter_Reads_AmountAndCurrency(string json, long cents)
    {
        Assert.Equal(Money.Eur(cents), JsonSerializer.Deserialize<Money>(json, Options));
    }

    [Fact]
    public void Converter_Writes_AmountWithTwoDecimalsAndCurrency() =>
        Assert.Equal("""{"amount":"-1234.50","currency":"EUR"}""", JsonSerializer.Serialize(Money.Eur(-123_450), Options));

    private static readonly JsonSerializerOptions Options = new() { Converters = { new MoneyJsonConverter() } };

    [Theory]
    [InlineData("""{"amount": "12.345", "currency": "EUR"}""")]   // a third decimal is refused, not rounded
    [InlineData("""{"amount": "12,34", "currency": "EUR"}""")]
    [InlineData("""{"amount": "12.34", "currency": "USD"}""")]
    [InlineData("""{"amount": "1000000000.01"}""")]   // beyond Money.MaxCents
    [InlineData("""{"currency": "EUR"}""")]
    [InlineData("\"12.34\"")]
    public void Converter_RefusesBadAmounts(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Money>(json, Options));
    }
}
