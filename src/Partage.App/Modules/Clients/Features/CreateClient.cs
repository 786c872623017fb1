using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Database;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Clients.Features;

public sealed record ClientContactInput(string? Name, string? Role, string? Email, string? Phone);

public sealed record ClientInput(
    string? Kind, string? Name, string? LegalForm, string? Country, string? Siren, string? Siret, string? VatNumber,
    string? AddressLine1, string? AddressLine2, string? PostalCode, string? City, string? ElectronicAddress, string? BillingEmail,
    IReadOnlyList<ClientContactInput>? Contacts);

public sealed class CreateClient(PartageDbContext db, IClientsApi clients, IAuditLog audit, TimeProvider clock)
{
    /// <summary>
    /// A new client, in the creating member's directory. A company the cooperative already knows (same SIREN or VAT number)
    /// stays one client: a member gets it in their directory instead (the company's identity is public, the other members
    /// who work for it are not told); staff and managers, who see the whole directory, are pointed at it (409).
    /// </summary>
    public async Task<ClientView> HandleAsync(ClientInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ClientsAccess.Require(actor);
        var checkedClient = Check(input);
        if (await ExistingAsync(checkedClient, ct) is { } existing)
        {
            return await ShareOrRefuseAsync(existing, actor, ct);
        }

        var client = New(checkedClient, actor);
        db.Add(client);
        if (!ClientsAccess.SeesWholeDirectory(actor) && actor.MemberId is { } member)
        {
            db.Add(new ClientMember { ClientId = client.Id, MemberId = member, LinkedAt = client.CreatedAt });
        }

        audit.Record(actor, "clients.created", "client", client.Id.ToString(), null, new { client.Name, client.Kind, client.Country, client.Siren, client.VatNumber });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Created at the same moment by someone else: theirs is the client.
            db.ChangeTracker.Clear();
            return await ShareOrRefuseAsync((await ExistingAsync(client, ct))!.Value, actor, ct);
        }

        return ClientView.Of(client);
    }

    private Task<ClientId?> ExistingAsync(Client client, CancellationToken ct) =>
        db.Set<Client>().AsNoTracking()
            .Where(c => (client.Siren != null && c.Siren == client.Siren) || (client.VatNumber != null && c.VatNumber == client.VatNumber))
            .Select(c => (ClientId?)c.Id).FirstOrDefaultAsync(ct);

    private async Task<ClientView> ShareOrRefuseAsync(ClientId existing, Actor actor, CancellationToken ct)
    {
        if (ClientsAccess.SeesWholeDirectory(actor) || actor.MemberId is not { } member)
        {
            throw Duplicate(existing);
        }

        await clients.LinkMemberAsync(existing, member, ct);
        audit.Record(actor, "clients.shared", "client", existing.ToString(), null, new { MemberId = member.Value });
        await db.SaveChangesAsync(ct);
        return (await clients.FindAsync(existing, ct))!;
    }

    private Client New(Client checkedClient, Actor actor) => new()
    {
        Id = TypedId.New<ClientId>(), Kind = checkedClient.Kind, Name = checkedClient.Name, LegalForm = checkedClient.LegalForm, Country = checkedClient.Country,
        Siren = checkedClient.Siren, Siret = checkedClient.Siret, VatNumber = checkedClient.VatNumber, AddressLine1 = checkedClient.AddressLine1,
        AddressLine2 = checkedClient.AddressLine2, PostalCode = checkedClient.PostalCode, City = checkedClient.City, ElectronicAddress = checkedClient.ElectronicAddress,
        BillingEmail = checkedClient.BillingEmail, SearchKey = Text.SearchKey(checkedClient.Name), CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Name,
        Contacts = checkedClient.Contacts,
    };

    private static DomainException Duplicate(ClientId existing) =>
        new(ClientsErrors.Duplicate, $"Ce client existe déjà (même SIREN ou même numéro de TVA) : /clients/{existing}") { Link = $"/clients/{existing}" };

    /// <summary>The client described by the input, every field checked; all the problems reported at once.</summary>
    internal static Client Check(ClientInput input)
    {
        var v = new Validation();
        var kind = v.Enum<ClientKind>(nameof(input.Kind), "Le type de client", input.Kind, required: true);
        var name = v.Required(nameof(input.Name), "Le nom", input.Name, 200);
        var legalForm = v.Optional(nameof(input.LegalForm), "La forme juridique", input.LegalForm, 60);
        var country = (input.Country ?? "FR").Trim().ToUpperInvariant();
        if (country.Length != 2 || !IsCountry(country))
        {
            v.Add(nameof(input.Country), "Le pays s'écrit avec son code ISO à deux lettres (FR, BE, DE…).");
        }

        var (siren, siret, vat) = Identifiers(input, kind, country, v);
        var line1 = v.Required(nameof(input.AddressLine1), "L'adresse", input.AddressLine1, 200);
        var line2 = v.Optional(nameof(input.AddressLine2), "Le complément d'adresse", input.AddressLine2, 200);
        var postalCode = v.Required(nameof(input.PostalCode), "Le code postal", input.PostalCode, 16);
        if (country == "FR" && postalCode.Length > 0 && (postalCode.Length != 5 || !postalCode.All(char.IsAsciiDigit)))
        {
            v.Add(nameof(input.PostalCode), "Un code postal français compte 5 chiffres.");
        }

        var city = v.Required(nameof(input.City), "La ville", input.City, 100);
        var electronic = v.Optional(nameof(input.ElectronicAddress), "L'adresse de facturation électronique", input.ElectronicAddress, 125);
        if (electronic is not null && !electronic.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.'))
        {
            v.Add(nameof(input.ElectronicAddress), "L'adresse de facturation électronique ne contient que lettres, chiffres, « - », « _ » et « . ».");
        }

        var email = string.IsNullOrWhiteSpace(input.BillingEmail) ? null : v.Email(nameof(input.BillingEmail), input.BillingEmail);
        var contacts = Contacts(input.Contacts, v);
        v.ThrowIfInvalid();
        return new Client
        {
            Kind = kind!.Value, Name = name, LegalForm = legalForm, Country = country, Siren = siren?.Value, Siret = siret?.Value, VatNumber = vat,
            AddressLine1 = line1, AddressLine2 = line2, PostalCode = postalCode, City = city,
            ElectronicAddress = electronic ?? (country == "FR" && siren is not null && kind != ClientKind.Person ? siren.Value : null),
            BillingEmail = email, Contacts = contacts,
        };
    }

    /// <summary>The SIREN, SIRET and VAT number a client's kind and country call for, each consistent with the others.</summary>
    private static (Siren? Siren, Siret? Siret, string? Vat) Identifiers(ClientInput input, ClientKind? kind, string country, Validation v)
    {
        Siren? siren = null;
        if (!string.IsNullOrWhiteSpace(input.Siren))
        {
            if (!Siren.TryParse(input.Siren, out siren, out var error))
            {
                v.Add(nameof(input.Siren), error);
            }
        }
        else if (country == "FR" && kind is ClientKind.Company or ClientKind.PublicBody)
        {
            v.Add(nameof(input.Siren), "Le SIREN d'une entreprise ou d'un organisme public français est obligatoire (mention légale des factures).");
        }

        Siret? siret = null;
        if (!string.IsNullOrWhiteSpace(input.Siret))
        {
            if (!Siret.TryParse(input.Siret, out siret, out var error))
            {
                v.Add(nameof(input.Siret), error);
            }
            else if (siren is not null && siret.Siren != siren)
            {
                v.Add(nameof(input.Siret), "Le SIRET commence par le SIREN du client.");
            }
        }

        if (country != "FR" && (siren is not null || siret is not null))
        {
            v.Add(nameof(input.Siren), "SIREN et SIRET sont réservés aux clients établis en France.");
        }

        var vat = VatNumbers.Normalize(input.VatNumber);
        if (vat is not null && VatNumbers.Check(vat, country, siren) is { } vatError)
        {
            v.Add(nameof(input.VatNumber), vatError);
        }
        else if (vat is null && country != "FR" && VatNumbers.IsEuCountry(country) && kind is ClientKind.Company)
        {
            v.Add(nameof(input.VatNumber), "Le numéro de TVA intracommunautaire d'une entreprise de l'Union est obligatoire (autoliquidation).");
        }

        if (kind == ClientKind.Person && (siren is not null || vat is not null))
        {
            v.Add(nameof(input.Kind), "Un particulier n'a ni SIREN ni numéro de TVA : choisissez le type entreprise ou association.");
        }

        return (siren, siret, vat);
    }

    private static List<ClientContact> Contacts(IReadOnlyList<ClientContactInput>? inputs, Validation v)
    {
        var contacts = new List<ClientContact>();
        foreach (var (contact, i) in (inputs ?? []).Select((c, i) => (c, i)))
        {
            var field = $"Contacts[{i}]";
            var contactName = v.Required($"{field}.Name", "Le nom du contact", contact.Name, 150);
            var contactEmail = string.IsNullOrWhiteSpace(contact.Email) ? null : v.Email($"{field}.Email", contact.Email);
            contacts.Add(new ClientContact
            {
                Id = Guid.CreateVersion7(), Name = contactName, Role = v.Optional($"{field}.Role", "La fonction", contact.Role, 100),
                Email = contactEmail, Phone = v.Optional($"{field}.Phone", "Le téléphone", contact.Phone, 30),
            });
        }

        return contacts;
    }

    private static bool IsCountry(string code)
    {
        try
        {
            return new RegionInfo(code).TwoLetterISORegionName == code;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public static void Map(RouteGroupBuilder clients)
    {
        clients.MapPost("/", async (ClientInput input, CreateClient create, ActorAccessor actors, CancellationToken ct) =>
            {
                var client = await create.HandleAsync(input, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/clients/{client.Id}", client);
            })
            .WithName("CreateClient").WithSummary("Créer un client ; un membre qui saisit une entreprise déjà connue (même SIREN ou TVA) la reçoit dans son répertoire, l'équipe est renvoyée vers elle (409)").ProducesProblems();
    }
}
