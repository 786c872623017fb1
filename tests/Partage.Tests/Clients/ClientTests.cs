using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Clients;
using Partage.App.Modules.Clients.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Clients;

public class ClientTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    public static ClientInput FrenchCompany(string siren, string name = "Théâtre du Nord") => new(
        "Company", name, "SAS", "FR", siren, siren.Length == 9 ? TestIdentifiers.Siret(siren) : null, null, "4 place du Théâtre", null, "59000", "Lille", null, "compta@theatre-nord.fr",
        [new ClientContactInput("Lucie Martin", "Administratrice", "lucie@theatre-nord.fr", "03 20 00 00 00")]);

    private Task<ClientView> CreateAsync(ClientInput input) =>
        factory.InScopeAsync(s => s.GetRequiredService<CreateClient>().HandleAsync(input, Actor.System));

    [Fact]
    public async Task Create_FrenchCompany_KeptWithItsContactAndElectronicAddress()
    {
        var siren = TestIdentifiers.Siren();
        var vat = Siren.Parse(siren).VatNumber;
        var client = await CreateAsync(FrenchCompany(siren) with { VatNumber = vat.Insert(4, " ") });
        Assert.Equal(siren, client.Siren);
        Assert.Equal(vat, client.VatNumber);
        Assert.Equal(siren, client.ElectronicAddress);   // BR-FR-21: a French company's e-invoicing address starts with its SIREN
        Assert.Equal("Lucie Martin", Assert.Single(client.Contacts).Name);
    }

    [Fact]
    public async Task Create_SameSirenOrVatNumber_StaffPointedAtTheExistingClient()
    {
        var siren = TestIdentifiers.Siren();
        var first = await CreateAsync(FrenchCompany(siren));
        using var http = await factory.ClientForAsync(World.Admin);
        var response = await http.PostAsJsonAsync("/api/v1/clients", FrenchCompany(siren, "Autre nom"));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("clients.duplicate", problem.GetProperty("code").GetString());
        Assert.Equal($"/clients/{first.Id}", problem.GetProperty("link").GetString());

        var belgian = FrenchCompany(string.Empty) with { Country = "BE", Siren = null, Siret = null, VatNumber = "BE0123456749", PostalCode = "1000", City = "Bruxelles" };
        var be = await CreateAsync(belgian);
        var again = await Assert.ThrowsAsync<DomainException>(() => CreateAsync(belgian with { Name = "Même TVA" }));
        Assert.Equal(ClientsErrors.Duplicate, again.Error);
        Assert.Equal($"/clients/{be.Id}", again.Link);
    }

    public static TheoryData<string, string, string> Invalid()
    {
        var siren = TestIdentifiers.Siren();
        var other = TestIdentifiers.Siren();
        var wrongKey = "FR" + ((int.Parse(Siren.Parse(siren).VatNumber[2..4], System.Globalization.CultureInfo.InvariantCulture) + 1) % 97).ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + siren;
        return new()
        {
            { JsonSerializer.Serialize(FrenchCompany(string.Empty) with { Siren = null, Siret = null }), "Siren", "Le SIREN d'une entreprise ou d'un organisme public français est obligatoire (mention légale des factures)." },
            { JsonSerializer.Serialize(FrenchCompany(siren[..8] + ((siren[8] - '0' + 1) % 10))), "Siren", "La clé de contrôle du SIREN est incorrecte." },
            { JsonSerializer.Serialize(FrenchCompany(siren) with { Siret = TestIdentifiers.Siret(other) }), "Siret", "Le SIRET commence par le SIREN du client." },
            { JsonSerializer.Serialize(FrenchCompany(siren) with { VatNumber = wrongKey }), "VatNumber", "La clé du numéro de TVA français ne correspond pas au SIREN." },
            { JsonSerializer.Serialize(FrenchCompany(siren) with { Country = "BE", Siren = null, Siret = null, PostalCode = "1000" }), "VatNumber", "Le numéro de TVA intracommunautaire d'une entreprise de l'Union est obligatoire (autoliquidation)." },
            { JsonSerializer.Serialize(FrenchCompany(siren) with { Country = "DE", Siren = null, Siret = null, VatNumber = "DE12345678", PostalCode = "10115" }), "VatNumber", "Le numéro de TVA ne suit pas le format de ce pays (il commence par DE)." },
            { JsonSerializer.Serialize(FrenchCompany(siren) with { Kind = "Person", Siret = null }), "Kind", "Un particulier n'a ni SIREN ni numéro de TVA : choisissez le type entreprise ou association." },
            { JsonSerializer.Serialize(FrenchCompany(siren) with { Country = "ZZ" }), "Country", "Le pays s'écrit avec son code ISO à deux lettres (FR, BE, DE…)." },
            { JsonSerializer.Serialize(FrenchCompany(siren) with { PostalCode = "590" }), "PostalCode", "Un code postal français compte 5 chiffres." },
            { JsonSerializer.Serialize(FrenchCompany(siren) with { ElectronicAddress = "compta@nord" }), "ElectronicAddress", "L'adresse de facturation électronique ne contient que lettres, chiffres, « - », « _ » et « . »." },
        };
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Create_Invalid_FieldMessageAndNothingWritten(string json, string field, string message)
    {
        var input = JsonSerializer.Deserialize<ClientInput>(json)!;
        var error = await Assert.ThrowsAsync<InputValidationException>(() => CreateAsync(input));
        Assert.Contains(message, error.Errors[field]);
        var found = await factory.InScopeAsync(s => s.GetRequiredService<SearchClients>().HandleAsync(input.Name, null, null, new(1, 200), Actor.System));
        Assert.DoesNotContain(found.Items, c => c.Siren == input.Siren && c.Siren != null);
    }

    [Fact]
    public async Task List_SortedByCityOrNameEitherWay_UnknownOrderRefusedInWords()
    {
        foreach (var (name, city) in new[] { ("Zénith d'Amiens", "Amiens"), ("Atelier Brest", "Brest"), ("Maison Caen", "Caen") })
        {
            await CreateAsync(FrenchCompany(TestIdentifiers.Siren(), name) with { City = city });
        }

        using var http = await factory.ClientForAsync(World.Admin);
        async Task<List<string>> ColumnAsync(string sort, string field) =>
            (await http.GetFromJsonAsync<JsonElement>($"/api/v1/clients?sort={sort}&pageSize=200")).GetProperty("items").EnumerateArray()
                .Select(c => c.GetProperty(field).GetString()!).ToList();

        var cities = await ColumnAsync("city", "city");
        Assert.True(cities.Count >= 3);
        Assert.Equal(cities.Order(StringComparer.Ordinal), cities);
        Assert.Equal(cities.OrderDescending(StringComparer.Ordinal), await ColumnAsync("-city", "city"));
        var names = await ColumnAsync("-name", "name");
        Assert.True(names.IndexOf("Zénith d'Amiens") < names.IndexOf("Atelier Brest"));

        using var refused = await http.GetAsync("/api/v1/clients?sort=siren");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Ce tri n'existe pas", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var browser = await factory.SignedInBrowserAsync(World.Admin);
        var page = await browser.GetStringAsync("/clients?sort=-city");
        Assert.Contains("aria-sort=\"descending\"><a href=\"/clients?sort=city\">Ville</a>", page, StringComparison.Ordinal);
        Assert.Contains("Ce tri n&#x27;existe pas", await browser.GetStringAsync("/clients?sort=siren"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ByNameWithoutAccentsOrBySiren_EmployerSeesNothing()
    {
        var siren = TestIdentifiers.Siren();
        using var member = await factory.ClientForAsync(World.LilleMemberEmail);
        (await member.PostAsJsonAsync("/api/v1/clients", FrenchCompany(siren, $"Compagnie Éole {siren}"))).EnsureSuccessStatusCode();
        var byName = await member.GetFromJsonAsync<JsonElement>($"/api/v1/clients?q=compagnie%20eole%20{siren}");
        Assert.Equal(1, byName.GetProperty("total").GetInt32());
        var bySiren = await member.GetFromJsonAsync<JsonElement>($"/api/v1/clients?q={siren[..3]}%20{siren[3..6]}%20{siren[6..]}");
        Assert.Equal(siren, bySiren.GetProperty("items")[0].GetProperty("siren").GetString());

        using var employer = await factory.ClientForAsync(World.Employer);
        Assert.Equal(HttpStatusCode.NotFound, (await employer.GetAsync("/api/v1/clients")).StatusCode);
    }
}

/// <summary>
/// A member's client directory holds the clients they created or invoiced, nothing else; a company stays one client for
/// the whole cooperative, shared behind the scenes. On both databases (the link is written by SQL of its own).
/// </summary>
public abstract class ClientDirectoryTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        return response.StatusCode;
    }

    private static async Task<bool> ListsAsync(HttpClient http, string q, ClientId id)
    {
        var page = await http.GetFromJsonAsync<JsonElement>($"/api/v1/clients?q={Uri.EscapeDataString(q)}&pageSize=200");
        return page.GetProperty("items").EnumerateArray().Any(c => c.GetProperty("id").GetString() == id.ToString());
    }

    [Fact]
    public async Task Member_SeesTheClientsTheyCreated_NotAnotherMembers_StaffSeeAll()
    {
        await World.OfAsync(factory);
        using var lille = await factory.ClientForAsync(World.LilleMemberEmail);
        using var paris = await factory.ClientForAsync(World.ParisMemberEmail);
        using var finance = await factory.ClientForAsync(World.Finance);
        var name = $"Camille Particulier {Guid.NewGuid():N}";
        var person = ClientTests.FrenchCompany(string.Empty, name) with { Kind = "Person", LegalForm = null, Siren = null, Siret = null };
        using var created = await lille.PostAsJsonAsync("/api/v1/clients", person);
        var id = ClientId.From((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(lille, $"/api/v1/clients/{id}"));
        Assert.True(await ListsAsync(lille, name, id));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(paris, $"/api/v1/clients/{id}"));   // a private person's address stays with her member
        Assert.False(await ListsAsync(paris, name, id));
        Assert.True(await ListsAsync(finance, name, id));
    }

    [Fact]
    public async Task Invoicing_PutsTheClientInTheMembersDirectory_AndAMemberCannotInvoiceAClientNotTheirs()
    {
        var world = await World.OfAsync(factory);
        var client = await factory.InScopeAsync(s => s.GetRequiredService<CreateClient>().HandleAsync(ClientTests.FrenchCompany(TestIdentifiers.Siren()), Actor.System));
        using var member = await factory.ClientForAsync(World.LilleMemberEmail);
        using var manager = await factory.ClientForAsync(World.LilleManager);
        var draft = Invoicing.Sales.Draft(world.LilleActivity, client.Id, ("Concert", "1", "C62", "800", null));

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(member, $"/api/v1/clients/{client.Id}"));
        using var refused = await member.PostAsJsonAsync("/api/v1/invoices", draft);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Ce client n'existe pas.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var drafted = await manager.PostAsJsonAsync("/api/v1/invoices", draft);   // the manager drafts for her member
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(member, $"/api/v1/clients/{client.Id}"));
        using var own = await member.PostAsJsonAsync("/api/v1/invoices", draft);
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
    }

    [Fact]
    public async Task Member_EnteringAKnownCompany_GetsTheSameClientInTheirDirectory()
    {
        await World.OfAsync(factory);
        var siren = TestIdentifiers.Siren();
        var existing = await factory.InScopeAsync(s => s.GetRequiredService<CreateClient>().HandleAsync(ClientTests.FrenchCompany(siren), Actor.System));
        using var paris = await factory.ClientForAsync(World.ParisMemberEmail);

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => paris.PostAsJsonAsync("/api/v1/clients", ClientTests.FrenchCompany(siren, "Nom saisi autrement"))));
        foreach (var answer in answers)
        {
            Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
            Assert.Equal(existing.Id.ToString(), (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        }

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(paris, $"/api/v1/clients/{existing.Id}"));
        using var finance = await factory.ClientForAsync(World.Finance);
        var all = await finance.GetFromJsonAsync<JsonElement>($"/api/v1/clients?q={siren}");
        Assert.Equal(1, all.GetProperty("total").GetInt32());
    }
}

public sealed class SqliteClientDirectoryTests(PartageFactory factory) : ClientDirectoryTests<PartageFactory>(factory);

public sealed class PostgresClientDirectoryTests(PostgresFactory factory) : ClientDirectoryTests<PostgresFactory>(factory);
