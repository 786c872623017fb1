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
    public async Task Create_SameSirenOrVatNumber_RefusedWithLinkToTheExistingClient()
    {
        var siren = TestIdentifiers.Siren();
        var first = await CreateAsync(FrenchCompany(siren));
        using var http = await factory.ClientForAsync(World.LilleMemberEmail);
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
        var found = await factory.InScopeAsync(s => s.GetRequiredService<SearchClients>().HandleAsync(input.Name, null, new(1, 200), Actor.System));
        Assert.DoesNotContain(found.Items, c => c.Siren == input.Siren && c.Siren != null);
    }

    [Fact]
    public async Task Search_ByNameWithoutAccentsOrBySiren_EmployerSeesNothing()
    {
        var siren = TestIdentifiers.Siren();
        await CreateAsync(FrenchCompany(siren, $"Compagnie Éole {siren}"));
        using var member = await factory.ClientForAsync(World.LilleMemberEmail);
        var byName = await member.GetFromJsonAsync<JsonElement>($"/api/v1/clients?q=compagnie%20eole%20{siren}");
        Assert.Equal(1, byName.GetProperty("total").GetInt32());
        var bySiren = await member.GetFromJsonAsync<JsonElement>($"/api/v1/clients?q={siren[..3]}%20{siren[3..6]}%20{siren[6..]}");
        Assert.Equal(siren, bySiren.GetProperty("items")[0].GetProperty("siren").GetString());

        using var employer = await factory.ClientForAsync(World.Employer);
        Assert.Equal(HttpStatusCode.NotFound, (await employer.GetAsync("/api/v1/clients")).StatusCode);
    }
}
