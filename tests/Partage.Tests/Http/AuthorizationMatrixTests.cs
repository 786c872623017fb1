using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.LegalEntities;
using Partage.Kernel;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Http;

/// <summary>
/// Every API endpoint × every role × owner and non-owner resource, with the status each must get.
/// Refusals of a resource answer 404 (its existence is not disclosed); a function reserved to a role
/// group (finance, payroll, the cooperative's staff) answers 403 to anyone outside it, on the route,
/// before any handler runs; no token answers 401.
/// A further test fails when an endpoint exists that this matrix does not cover.
/// </summary>
public abstract class AuthorizationMatrixTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    private const string Anonymous = "(anonyme)";

    private static readonly string[] Everyone =
    [
        Anonymous, World.Admin, World.Finance, World.Payroll, World.Governance, World.LilleManager, World.ParisManager,
        World.LilleMemberEmail, World.Employer, World.LilleApplicantEmail,
    ];

    private static readonly string[] Staff = [World.Admin, World.Finance, World.Payroll, World.Governance];

    /// <summary>(method, route pattern, path, body, who gets which status; anyone else signed in gets 404).</summary>
    protected static IEnumerable<(string Method, string Pattern, Func<World, string> Path, Func<World, object?> Body, Dictionary<string, HttpStatusCode> Allowed, HttpStatusCode Otherwise)> Endpoints()
    {
        var ok = HttpStatusCode.OK;
        var created = HttpStatusCode.Created;
        Dictionary<string, HttpStatusCode> All(HttpStatusCode code) => Everyone.Where(e => e != Anonymous).ToDictionary(e => e, _ => code);
        Dictionary<string, HttpStatusCode> Only(HttpStatusCode code, params string[] who) => who.ToDictionary(e => e, _ => code);

        yield return ("GET", "/api/v1/legal-entities", _ => "/api/v1/legal-entities", _ => null, All(ok), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/business-modules", _ => "/api/v1/business-modules", _ => null, All(ok), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/offices/", _ => "/api/v1/offices", _ => null, All(ok), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/offices/{id:guid}", w => $"/api/v1/offices/{w.Lille}", _ => null, All(ok), HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/offices/", _ => "/api/v1/offices",
            _ => new { Name = $"Bureau {Guid.NewGuid():N}", City = "Metz", Street = "1 place", PostalCode = "57000", OpeningDate = "2026-01-05", Kind = "Desk" },
            Only(created, World.Admin), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/offices/{id:guid}/managers", w => $"/api/v1/offices/{w.Lille}/managers", _ => null, All(ok), HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/offices/{id:guid}/managers", w => $"/api/v1/offices/{w.Paris}/managers",
            _ => new { FirstName = "Zoé", LastName = "Renfort", Email = $"z{Guid.NewGuid():N}@partage.test" }, Only(created, World.Admin), HttpStatusCode.NotFound);
        // Every account reads and sets its own notifications; nobody reaches another's (a notice not theirs is not found).
        yield return ("GET", "/api/v1/notifications/", _ => "/api/v1/notifications", _ => null, All(ok), HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/notifications/{id:guid}/read", _ => $"/api/v1/notifications/{Guid.NewGuid()}/read", _ => null, [], HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/notifications/read-all", _ => "/api/v1/notifications/read-all", _ => null, All(ok), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/notifications/preferences", _ => "/api/v1/notifications/preferences", _ => null, All(ok), HttpStatusCode.NotFound);
        yield return ("PUT", "/api/v1/notifications/preferences", _ => "/api/v1/notifications/preferences", _ => new[] { new { Kind = "WagePaid", InApp = true, Email = true } }, All(ok), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/members/", _ => "/api/v1/members", _ => null, All(ok), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/members/scroll", _ => "/api/v1/members/scroll?end=true", _ => null, All(ok), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/members/export.csv", _ => "/api/v1/members/export.csv", _ => null, All(ok), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/members/export.xlsx", _ => "/api/v1/members/export.xlsx", _ => null, All(ok), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/members/me", _ => "/api/v1/members/me", _ => null, Only(ok, World.LilleMemberEmail, World.LilleApplicantEmail), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/members/me/export.zip", _ => "/api/v1/members/me/export.zip", _ => null, Only(ok, World.LilleMemberEmail, World.LilleApplicantEmail), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/members/{id:guid}", w => $"/api/v1/members/{w.LilleMember}", _ => null,
            Only(ok, [.. Staff, World.LilleManager, World.LilleMemberEmail]), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/members/{id:guid}#other", w => $"/api/v1/members/{w.ParisMember}", _ => null,
            Only(ok, [.. Staff, World.ParisManager]), HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/members/", _ => "/api/v1/members",
            w => World.NewMember(w.Lille, $"m{Guid.NewGuid():N}@exemple.fr") with { Nir = null },
            // The Paris manager may create members, only not in Lille: the office field is refused.
            new Dictionary<string, HttpStatusCode> { [World.Admin] = created, [World.LilleManager] = created, [World.ParisManager] = HttpStatusCode.BadRequest },
            HttpStatusCode.NotFound);
        yield return ("PATCH", "/api/v1/members/{id:guid}", w => $"/api/v1/members/{w.LilleMember}", _ => new { Phone = "03 20 00 00 00" },
            Only(ok, World.Admin, World.LilleManager, World.LilleMemberEmail), HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/registrations", _ => "/api/v1/registrations",
            w => World.NewMember(w.Paris, $"r{Guid.NewGuid():N}@exemple.fr", World.Password) with { Nir = null },
            Everyone.ToDictionary(e => e, _ => HttpStatusCode.Accepted), HttpStatusCode.Accepted);
        yield return ("POST", "/api/v1/registrations/confirm", _ => "/api/v1/registrations/confirm", _ => new { Token = "faux" },
            Everyone.ToDictionary(e => e, _ => HttpStatusCode.UnprocessableEntity), HttpStatusCode.UnprocessableEntity);
        // The Lille applicant has not confirmed their address: the office's manager and the administrator get the reason, nobody else anything.
        yield return ("POST", "/api/v1/members/{id:guid}/approve", w => $"/api/v1/members/{w.LilleApplicant}/approve", _ => null,
            Only(HttpStatusCode.UnprocessableEntity, World.Admin, World.LilleManager), HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/members/{id:guid}/refuse", w => $"/api/v1/members/{w.LilleApplicant}/refuse", _ => new { Reason = "" },
            Only(HttpStatusCode.BadRequest, World.Admin, World.LilleManager), HttpStatusCode.NotFound);
        // The account's own doors: a reset is asked and answered alike by anyone; a change and a sign-out act on the caller's own account only.
        yield return ("POST", "/api/v1/auth/refresh", _ => "/api/v1/auth/refresh", _ => new { RefreshToken = "faux" },
            Everyone.ToDictionary(e => e, _ => HttpStatusCode.Unauthorized), HttpStatusCode.Unauthorized);
        yield return ("POST", "/api/v1/auth/password-reset", _ => "/api/v1/auth/password-reset", _ => new { Email = "personne@exemple.fr" },
            Everyone.ToDictionary(e => e, _ => HttpStatusCode.Accepted), HttpStatusCode.Accepted);
        yield return ("POST", "/api/v1/auth/password-reset/confirm", _ => "/api/v1/auth/password-reset/confirm", _ => new { Token = "faux", NewPassword = "Nouveau-Mot-2026" },
            Everyone.ToDictionary(e => e, _ => HttpStatusCode.UnprocessableEntity), HttpStatusCode.UnprocessableEntity);
        yield return ("POST", "/api/v1/auth/password", _ => "/api/v1/auth/password", _ => new { CurrentPassword = "pas-le-bon", NewPassword = "Nouveau-Mot-2026" },
            All(HttpStatusCode.BadRequest), HttpStatusCode.BadRequest);
        yield return ("POST", "/api/v1/auth/sign-out", _ => "/api/v1/auth/sign-out", _ => null, All(HttpStatusCode.NoContent), HttpStatusCode.NoContent);
        yield return ("GET", "/api/v1/activities", _ => "/api/v1/activities", _ => null, All(ok), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/activities/{id:guid}", w => $"/api/v1/activities/{w.LilleActivity}", _ => null,
            Only(ok, [.. Staff, World.LilleManager, World.LilleMemberEmail]), HttpStatusCode.NotFound);
        yield return ("PATCH", "/api/v1/activities/{id:guid}", w => $"/api/v1/activities/{w.LilleActivity}", _ => new { Description = "Mise à jour" },
            Only(ok, World.Admin, World.LilleManager), HttpStatusCode.NotFound);
        yield return ("PUT", "/api/v1/activities/{id:guid}/manager", w => $"/api/v1/activities/{w.LilleActivity}/manager", _ => new { ManagerId = Guid.NewGuid().ToString() },
            Only(HttpStatusCode.BadRequest, World.Admin, World.LilleManager), HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/members/{memberId:guid}/activities", w => $"/api/v1/members/{w.LilleMember}/activities",
            _ => new { Name = $"Activité {Guid.NewGuid():N}", LegalEntityId = LegalEntitiesReferenceData.Scic.ToString(), ModuleCode = BusinessModules.Projects },
            Only(created, World.Admin, World.LilleManager), HttpStatusCode.NotFound);
    }

    protected static IEnumerable<(string Method, string Pattern, Func<World, string> Path, Func<World, object?> Body, Dictionary<string, HttpStatusCode> Allowed, HttpStatusCode Otherwise)> ClientEndpoints()
    {
        var users = Everyone.Where(e => e is not Anonymous and not World.Employer and not World.LilleApplicantEmail).ToArray();
        Dictionary<string, HttpStatusCode> Users(HttpStatusCode code) => users.ToDictionary(e => e, _ => code);
        yield return ("GET", "/api/v1/clients/", _ => "/api/v1/clients?q=a", _ => null, Users(HttpStatusCode.OK), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/clients/{id:guid}", _ => "/api/v1/clients/{client}", _ => null, Users(HttpStatusCode.OK), HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/clients/", _ => "/api/v1/clients", _ => Clients.ClientTests.FrenchCompany(TestIdentifiers.Siren()),
            Users(HttpStatusCode.Created), HttpStatusCode.NotFound);
    }

    protected static IEnumerable<(string Method, string Pattern, Func<World, string> Path, Func<World, object?> Body, Dictionary<string, HttpStatusCode> Allowed, HttpStatusCode Otherwise)> InvoiceEndpoints()
    {
        var notFound = HttpStatusCode.NotFound;
        Dictionary<string, HttpStatusCode> Only(HttpStatusCode code, params string[] who) => who.ToDictionary(e => e, _ => code);
        string[] editors = [World.Admin, World.Finance, World.LilleManager, World.LilleMemberEmail];
        string[] readers = [.. Staff, World.LilleManager, World.LilleMemberEmail];
        string[] validators = [World.Admin, World.Finance, World.LilleManager];
        object Draft(World w) => new { ActivityId = w.LilleActivity.ToString(), ClientId = "{client-id}", ServiceFrom = "2026-11-02", Lines = new[] { new { Description = "Concert", Quantity = "1", UnitPrice = "100" } } };
        yield return ("GET", "/api/v1/invoices/", _ => "/api/v1/invoices", _ => null, Everyone.Where(e => e != Anonymous).ToDictionary(e => e, _ => HttpStatusCode.OK), notFound);
        yield return ("GET", "/api/v1/invoices/usual-lines", _ => "/api/v1/invoices/usual-lines", _ => null, Everyone.Where(e => e != Anonymous).ToDictionary(e => e, _ => HttpStatusCode.OK), notFound);
        yield return ("GET", "/api/v1/invoices/export.csv", _ => "/api/v1/invoices/export.csv", _ => null, Everyone.Where(e => e != Anonymous).ToDictionary(e => e, _ => HttpStatusCode.OK), notFound);
        yield return ("GET", "/api/v1/invoices/export.xlsx", _ => "/api/v1/invoices/export.xlsx", _ => null, Everyone.Where(e => e != Anonymous).ToDictionary(e => e, _ => HttpStatusCode.OK), notFound);
        yield return ("GET", "/api/v1/invoices/overdue-ages", _ => "/api/v1/invoices/overdue-ages", _ => null, Everyone.Where(e => e != Anonymous).ToDictionary(e => e, _ => HttpStatusCode.OK), notFound);
        yield return ("POST", "/api/v1/invoices/", _ => "/api/v1/invoices", Draft, Only(HttpStatusCode.Created, editors), notFound);
        yield return ("GET", "/api/v1/invoices/{id:guid}", _ => "/api/v1/invoices/{draft}", _ => null, Only(HttpStatusCode.OK, readers), notFound);
        yield return ("PUT", "/api/v1/invoices/{id:guid}", _ => "/api/v1/invoices/{draft}", Draft, Only(HttpStatusCode.OK, editors), notFound);
        yield return ("DELETE", "/api/v1/invoices/{id:guid}", _ => "/api/v1/invoices/{draft}", _ => null, Only(HttpStatusCode.NoContent, editors), notFound);
        yield return ("POST", "/api/v1/invoices/{id:guid}/duplicate", _ => "/api/v1/invoices/{issued}/duplicate", _ => null, Only(HttpStatusCode.Created, editors), notFound);
        yield return ("POST", "/api/v1/invoices/{id:guid}/issue", _ => "/api/v1/invoices/{draft}/issue", _ => null, Only(HttpStatusCode.OK, editors), notFound);
        yield return ("POST", "/api/v1/invoices/{id:guid}/send", _ => "/api/v1/invoices/{issued}/send", _ => null, Only(HttpStatusCode.OK, editors), notFound);
        yield return ("POST", "/api/v1/invoices/{id:guid}/validate", _ => "/api/v1/invoices/{pending}/validate", _ => null, Only(HttpStatusCode.OK, validators), notFound);
        yield return ("POST", "/api/v1/invoices/{id:guid}/send-back", _ => "/api/v1/invoices/{pending}/send-back", _ => new { Reason = "Le bon de commande manque." }, Only(HttpStatusCode.OK, validators), notFound);
        yield return ("POST", "/api/v1/invoices/{id:guid}/credit-note", _ => "/api/v1/invoices/{issued}/credit-note", _ => new { Reason = "Erreur" }, Only(HttpStatusCode.Created, validators), notFound);
        yield return ("POST", "/api/v1/invoices/{id:guid}/payments", _ => "/api/v1/invoices/{issued}/payments", _ => new { Amount = "10" }, Only(HttpStatusCode.OK, World.Admin, World.Finance), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/invoices/{id:guid}/factur-x.xml", _ => "/api/v1/invoices/{issued}/factur-x.xml", _ => null, Only(HttpStatusCode.OK, readers), notFound);
        yield return ("GET", "/api/v1/invoices/{id:guid}/pdf", _ => "/api/v1/invoices/{issued}/pdf", _ => null, Only(HttpStatusCode.OK, readers), notFound);
        yield return ("POST", "/api/v1/invoices/{id:guid}/cover", _ => "/api/v1/invoices/{issued}/cover", _ => null, Only(HttpStatusCode.UnprocessableEntity, World.Admin, World.Finance), HttpStatusCode.Forbidden);
        yield return ("POST", "/api/v1/invoices/{id:guid}/write-off", _ => "/api/v1/invoices/{issued}/write-off", _ => new { Reason = "Perte" }, Only(HttpStatusCode.Conflict, World.Admin, World.Finance), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/guarantee-fund", _ => "/api/v1/guarantee-fund", _ => null, Only(HttpStatusCode.OK, World.Admin, World.Finance), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/guarantee-fund/coverable", _ => "/api/v1/guarantee-fund/coverable", _ => null, Only(HttpStatusCode.OK, World.Admin, World.Finance), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/invoices/{id:guid}/dunning-log", _ => "/api/v1/invoices/{issued}/dunning-log", _ => null, Only(HttpStatusCode.OK, readers), notFound);
        yield return ("POST", "/api/v1/bank-statements/", _ => "/api/v1/bank-statements", _ => null, Only(HttpStatusCode.BadRequest, World.Admin, World.Finance), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/bank-statements/unmatched", _ => "/api/v1/bank-statements/unmatched", _ => null, Only(HttpStatusCode.OK, World.Admin, World.Finance), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/bank-statements/", _ => "/api/v1/bank-statements", _ => null, Only(HttpStatusCode.OK, World.Admin, World.Finance), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/bank-statements/{id:guid}", _ => $"/api/v1/bank-statements/{Guid.NewGuid()}", _ => null, Only(HttpStatusCode.NotFound, World.Admin, World.Finance), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/bank-statements/lines/{id:guid}/suggestions", _ => "/api/v1/bank-statements/lines/{bank-line}/suggestions", _ => null,
            Only(HttpStatusCode.OK, World.Admin, World.Finance), HttpStatusCode.Forbidden);
        yield return ("POST", "/api/v1/bank-statements/lines/{id:guid}/match", _ => "/api/v1/bank-statements/lines/{bank-line}/match", _ => new { InvoiceNumber = "LNA-1999-000001" },
            Only(HttpStatusCode.BadRequest, World.Admin, World.Finance), HttpStatusCode.Forbidden);
        object Quote(World w) => new { Draft = new { ActivityId = w.LilleActivity.ToString(), ClientId = "{client-id}", ServiceFrom = "2026-11-02", Lines = new[] { new { Description = "Concert", Quantity = "1", UnitPrice = "100" } } } };
        yield return ("GET", "/api/v1/quotes/", _ => "/api/v1/quotes", _ => null, Everyone.Where(e => e != Anonymous).ToDictionary(e => e, _ => HttpStatusCode.OK), notFound);
        yield return ("POST", "/api/v1/quotes/", _ => "/api/v1/quotes", Quote, Only(HttpStatusCode.Created, editors), notFound);
        yield return ("GET", "/api/v1/quotes/{id:guid}", _ => "/api/v1/quotes/{quote}", _ => null, Only(HttpStatusCode.OK, editors), notFound);
        yield return ("PUT", "/api/v1/quotes/{id:guid}", _ => "/api/v1/quotes/{quote}", Quote, Only(HttpStatusCode.OK, editors), notFound);
        yield return ("GET", "/api/v1/quotes/{id:guid}/pdf", _ => "/api/v1/quotes/{quote}/pdf", _ => null, Only(HttpStatusCode.OK, editors), notFound);
        yield return ("GET", "/api/v1/quotes/{id:guid}/cession-contract.pdf", _ => "/api/v1/quotes/{quote}/cession-contract.pdf", _ => null, Only(HttpStatusCode.OK, editors), notFound);
        yield return ("POST", "/api/v1/quotes/{id:guid}/send", _ => "/api/v1/quotes/{quote}/send", _ => null, Only(HttpStatusCode.OK, editors), notFound);
        yield return ("POST", "/api/v1/quotes/{id:guid}/invoice", _ => "/api/v1/quotes/{quote}/invoice", _ => null, Only(HttpStatusCode.Conflict, editors), notFound);
        yield return ("POST", "/api/v1/dunning/run", _ => "/api/v1/dunning/run", _ => null, Only(HttpStatusCode.OK, World.Admin, World.Finance), HttpStatusCode.Forbidden);
        yield return ("POST", "/api/v1/einvoicing/send", _ => "/api/v1/einvoicing/send", _ => null, Only(HttpStatusCode.OK, World.Admin, World.Finance), HttpStatusCode.Forbidden);
        yield return ("POST", "/api/v1/einvoicing/receive", _ => "/api/v1/einvoicing/receive", _ => null, Only(HttpStatusCode.OK, World.Admin, World.Finance), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/einvoicing/flows", _ => "/api/v1/einvoicing/flows", _ => null, Only(HttpStatusCode.OK, World.Admin, World.Finance), HttpStatusCode.Forbidden);
        yield return ("POST", "/api/v1/einvoicing/flows/{id:guid}/retry", _ => $"/api/v1/einvoicing/flows/{Guid.NewGuid()}/retry", _ => null,
            Only(HttpStatusCode.NotFound, World.Admin, World.Finance), HttpStatusCode.Forbidden);
        // The platform's call back: no account, its HMAC signature instead — without one, nobody (signed in or not) is let in.
        yield return ("POST", "/api/v1/einvoicing/webhook/{entity}", _ => "/api/v1/einvoicing/webhook/LNA", _ => new { flowId = "F-1" },
            Everyone.ToDictionary(e => e, _ => HttpStatusCode.Unauthorized), HttpStatusCode.Unauthorized);
        yield return ("POST", "/api/v1/invoices/{id:guid}/dispute", _ => "/api/v1/invoices/{issued}/dispute", _ => new { Reason = "Litige" },
            Only(HttpStatusCode.NoContent, World.Admin, World.Finance, World.LilleManager), notFound);
        // Suppliers' invoices: the list is scoped (employers and applicants see an empty one); one that does not exist, or is not theirs, is 404 to all.
        yield return ("GET", "/api/v1/supplier-invoices", _ => "/api/v1/supplier-invoices", _ => null, Everyone.Where(e => e != Anonymous).ToDictionary(e => e, _ => HttpStatusCode.OK), notFound);
        var missing = Guid.NewGuid();
        yield return ("GET", "/api/v1/supplier-invoices/{id:guid}", _ => $"/api/v1/supplier-invoices/{missing}", _ => null, [], notFound);
        yield return ("GET", "/api/v1/supplier-invoices/{id:guid}/file", _ => $"/api/v1/supplier-invoices/{missing}/file", _ => null, [], notFound);
        yield return ("POST", "/api/v1/supplier-invoices/{id:guid}/assign", _ => $"/api/v1/supplier-invoices/{missing}/assign", w => new { ActivityId = w.LilleActivity.Value }, [], notFound);
        yield return ("POST", "/api/v1/supplier-invoices/{id:guid}/approve", _ => $"/api/v1/supplier-invoices/{missing}/approve", _ => new { Category = "Supplies" }, [], notFound);
        yield return ("POST", "/api/v1/supplier-invoices/{id:guid}/dispute", _ => $"/api/v1/supplier-invoices/{missing}/dispute", _ => new { Reason = "Jamais livré" }, [], notFound);
        // Expense notes: members submit (a JSON body is refused, 400: the note is a multipart form), the list is scoped, a missing note is 404 to all.
        yield return ("POST", "/api/v1/expense-notes", _ => "/api/v1/expense-notes", _ => new { Description = "Taxi" }, Only(HttpStatusCode.BadRequest, World.LilleMemberEmail, World.ParisMemberEmail), notFound);
        yield return ("GET", "/api/v1/expense-notes", _ => "/api/v1/expense-notes", _ => null, Everyone.Where(e => e != Anonymous).ToDictionary(e => e, _ => HttpStatusCode.OK), notFound);
        yield return ("GET", "/api/v1/expense-notes/{id:guid}", _ => $"/api/v1/expense-notes/{missing}", _ => null, [], notFound);
        yield return ("GET", "/api/v1/expense-notes/{id:guid}/receipt", _ => $"/api/v1/expense-notes/{missing}/receipt", _ => null, [], notFound);
        yield return ("POST", "/api/v1/expense-notes/{id:guid}/approve", _ => $"/api/v1/expense-notes/{missing}/approve", _ => null, [], notFound);
        yield return ("POST", "/api/v1/expense-notes/{id:guid}/refuse", _ => $"/api/v1/expense-notes/{missing}/refuse", _ => new { Reason = "Pas de justificatif lisible" }, [], notFound);
        yield return ("GET", "/api/v1/vat-rules", _ => "/api/v1/vat-rules", _ => null, Everyone.Where(e => e != Anonymous).ToDictionary(e => e, _ => HttpStatusCode.OK), notFound);
    }

    protected static IEnumerable<(string Method, string Pattern, Func<World, string> Path, Func<World, object?> Body, Dictionary<string, HttpStatusCode> Allowed, HttpStatusCode Otherwise)> LedgerEndpoints()
    {
        var books = new[] { World.Admin, World.Finance };
        Dictionary<string, HttpStatusCode> Books(HttpStatusCode code) => books.ToDictionary(e => e, _ => code);
        var readers = new[] { World.Admin, World.Finance, World.Payroll, World.Governance, World.LilleManager, World.LilleMemberEmail }
            .ToDictionary(e => e, _ => HttpStatusCode.OK);
        const string year = "entity=SCIC&from=2026-01-01&to=2026-12-31";
        var notFound = HttpStatusCode.NotFound;

        yield return ("GET", "/api/v1/ledger/accounts", _ => "/api/v1/ledger/accounts?entity=SCIC", _ => null, Books(HttpStatusCode.OK), HttpStatusCode.Forbidden);
        yield return ("POST", "/api/v1/ledger/accounts", _ => "/api/v1/ledger/accounts",
            _ => new { Entity = "SCIC", Number = $"628{Interlocked.Increment(ref counter):D4}", Label = "Divers" }, Books(HttpStatusCode.Created), HttpStatusCode.Forbidden);
        yield return ("POST", "/api/v1/ledger/entries", _ => "/api/v1/ledger/entries",
            _ => new { Entity = "SCIC", Journal = "OD", Date = "2026-06-10", Label = "Régularisation", Lines = new[] { new { Account = "512", Side = "D", Amount = "12,50" }, new { Account = "471", Side = "C", Amount = "12.50" } } },
            Books(HttpStatusCode.Created), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/ledger/entries/{id:guid}", _ => "/api/v1/ledger/entries/{entry}", _ => null, Books(HttpStatusCode.OK), HttpStatusCode.Forbidden);
        yield return ("POST", "/api/v1/ledger/entries/{id:guid}/reversal", _ => "/api/v1/ledger/entries/{fresh-entry}/reversal",
            _ => new { Date = "2026-06-11", Reason = "Erreur de saisie" }, Books(HttpStatusCode.Created), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/ledger/fiscal-years", _ => "/api/v1/ledger/fiscal-years?entity=SCIC", _ => null, Books(HttpStatusCode.OK), HttpStatusCode.Forbidden);
        yield return ("POST", "/api/v1/ledger/fiscal-years", _ => "/api/v1/ledger/fiscal-years",
            _ => { var y = 2030 + Interlocked.Increment(ref years); return new { Entity = "GE", StartsOn = $"{y}-01-01", EndsOn = $"{y}-12-31" }; },
            Books(HttpStatusCode.Created), HttpStatusCode.Forbidden);
        yield return ("POST", "/api/v1/ledger/periods/{entity}/{period}/close", _ => "/api/v1/ledger/periods/GE/{month}/close", _ => null, Books(HttpStatusCode.NoContent), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/ledger/trial-balance", _ => "/api/v1/ledger/trial-balance?" + year, _ => null, Books(HttpStatusCode.OK), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/ledger/trial-balance.csv", _ => "/api/v1/ledger/trial-balance.csv?" + year, _ => null, Books(HttpStatusCode.OK), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/ledger/trial-balance.xlsx", _ => "/api/v1/ledger/trial-balance.xlsx?" + year, _ => null, Books(HttpStatusCode.OK), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/ledger/accounts/{number}/detail", _ => "/api/v1/ledger/accounts/512/detail?" + year, _ => null, Books(HttpStatusCode.OK), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/ledger/check", _ => "/api/v1/ledger/check", _ => null, Books(HttpStatusCode.OK), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/ledger/fec", _ => "/api/v1/ledger/fec?entity=SCIC&year=2026", _ => null, Books(HttpStatusCode.OK), HttpStatusCode.Forbidden);
        yield return ("POST", "/api/v1/ledger/monthly-fees/{month}", _ => "/api/v1/ledger/monthly-fees/2026-11", _ => null, Books(HttpStatusCode.OK), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/ledger/fee-rules", _ => "/api/v1/ledger/fee-rules", _ => null, Books(HttpStatusCode.OK), HttpStatusCode.Forbidden);
        yield return ("POST", "/api/v1/ledger/fee-rules", _ => "/api/v1/ledger/fee-rules",
            _ => new { Entity = "SCIC", Module = "PROJETS", ValidFrom = "2027-01-01", RatePercent = 6.5m, Shares = new[] { new { Label = "Fonds", Points = 2m, AccountNumber = "4671" }, new { Label = "Fonctionnement", Points = 4.5m, AccountNumber = "7062" } } },
            Books(HttpStatusCode.Created), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/activities/{id:guid}/budget", w => $"/api/v1/activities/{w.LilleActivity}/budget", _ => null, readers, notFound);
        yield return ("GET", "/api/v1/activities/{id:guid}/statement", w => $"/api/v1/activities/{w.LilleActivity}/statement", _ => null, readers, notFound);
        yield return ("GET", "/api/v1/activities/{id:guid}/statement.csv", w => $"/api/v1/activities/{w.LilleActivity}/statement.csv", _ => null, readers, notFound);
        yield return ("GET", "/api/v1/activities/{id:guid}/statement.pdf", w => $"/api/v1/activities/{w.LilleActivity}/statement.pdf", _ => null, readers, notFound);
    }

    protected static IEnumerable<(string Method, string Pattern, Func<World, string> Path, Func<World, object?> Body, Dictionary<string, HttpStatusCode> Allowed, HttpStatusCode Otherwise)> PayrollEndpoints()
    {
        var ok = HttpStatusCode.OK;
        var payroll = new[] { World.Admin, World.Payroll };
        object Request() => new
        {
            period = "2026-11", employer = new { headcount = 20, at_mp_rate = 0.01m }, employee = new { kind = "regime_general", cadre = false },
            contract = new { type = "CDD", start = "2026-11-01", end = "2026-11-30" }, work = new { hours = 151.67m }, gross = 2500m,
        };

        // The engine and the simulator are open to visitors: they compute, they read and write nothing of anyone's.
        yield return ("POST", "/api/v1/payroll/simulations", _ => "/api/v1/payroll/simulations", _ => Request(), Everyone.ToDictionary(e => e, _ => ok), ok);
        yield return ("POST", "/api/v1/payroll/simulations/budget", _ => "/api/v1/payroll/simulations/budget", _ => new { request = Request(), budget = 3000m },
            Everyone.ToDictionary(e => e, _ => ok), ok);
        yield return ("POST", "/api/v1/payroll/simulations/net", _ => "/api/v1/payroll/simulations/net", _ => new { Amount = "500", Kind = "intermittent_artist" },
            Everyone.ToDictionary(e => e, _ => ok), ok);
        Dictionary<string, HttpStatusCode> Only(HttpStatusCode code, params string[] who) => who.ToDictionary(e => e, _ => code);
        string[] jobReaders = [.. Staff, World.LilleManager, World.LilleMemberEmail];
        yield return ("GET", "/api/v1/jobs/", _ => "/api/v1/jobs", _ => null, Everyone.Where(e => e != Anonymous).ToDictionary(e => e, _ => ok), HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/jobs/", _ => "/api/v1/jobs", _ => Payroll.Hiring.Artist(default, Payroll.Hiring.NextDay()) with { ActivityId = "{funded-activity}" },
            Only(HttpStatusCode.Created, World.Admin, World.Payroll, World.LilleManager, World.LilleMemberEmail), HttpStatusCode.NotFound);
        // Finance records an entity's renewed licence; nobody else finds the entity to write to.
        yield return ("POST", "/api/v1/legal-entities/{code}/licences", _ => "/api/v1/legal-entities/GE/licences",
            _ => new { Category = "1", Number = $"PLATESV-R-2026-{Guid.NewGuid():N}"[..32], ValidUntil = TestDates.Text(TestDates.Today.AddYears(1)) },
            Only(HttpStatusCode.Created, World.Admin, World.Finance), HttpStatusCode.NotFound);
        // Managers see their office's refusals and flags, payroll staff every office's; nobody else has the page.
        yield return ("GET", "/api/v1/compliance/events", _ => "/api/v1/compliance/events", _ => null,
            Only(ok, World.Admin, World.Payroll, World.LilleManager, World.ParisManager), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/jobs/{id:guid}", _ => "/api/v1/jobs/{job}", _ => null, Only(ok, jobReaders), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/jobs/{id:guid}/contract.pdf", _ => "/api/v1/jobs/{job}/contract.pdf", _ => null, Only(ok, jobReaders), HttpStatusCode.NotFound);
        // The job has no validated final payslip yet: those who may read it get the reason, the others nothing.
        yield return ("GET", "/api/v1/jobs/{id:guid}/certificate.pdf", _ => "/api/v1/jobs/{job}/certificate.pdf", _ => null, Only(HttpStatusCode.Conflict, jobReaders), HttpStatusCode.NotFound);
        // The member gets her code; the others who read the job are told it does not wait for their signature.
        yield return ("POST", "/api/v1/jobs/{id:guid}/send-signature-code", _ => "/api/v1/jobs/{job}/send-signature-code", _ => null,
            jobReaders.ToDictionary(e => e, e => e == World.LilleMemberEmail ? HttpStatusCode.Accepted : HttpStatusCode.Conflict), HttpStatusCode.NotFound);
        // Without the e-mailed code a signature is refused (400), to those who may sign alone.
        yield return ("POST", "/api/v1/jobs/{id:guid}/sign", _ => "/api/v1/jobs/{job}/sign", _ => new { Name = "Jeanne Durand", Code = "000000" },
            Only(HttpStatusCode.BadRequest, World.LilleMemberEmail), HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/jobs/{id:guid}/countersign", _ => "/api/v1/jobs/{signed-job}/countersign", _ => new { Name = "Personne", Code = "000000" },
            Only(HttpStatusCode.BadRequest, World.Admin, World.Payroll, World.LilleManager), HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/jobs/{id:guid}/send-back", _ => "/api/v1/jobs/{signed-job}/send-back", _ => new { Reason = "Le cachet est à revoir." },
            Only(ok, World.Admin, World.Payroll, World.LilleManager), HttpStatusCode.NotFound);
        // Payroll staff only; the matrix's job is not a countersigned régime général CDD: the reason, to them alone.
        yield return ("POST", "/api/v1/jobs/{id:guid}/cdi-refusal", _ => "/api/v1/jobs/{job}/cdi-refusal", _ => new { Offer = "Courrier du 10/12/2026" },
            Only(HttpStatusCode.Conflict, payroll), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/payslips/", _ => "/api/v1/payslips", _ => null, Everyone.Where(e => e != Anonymous).ToDictionary(e => e, _ => ok), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/payslips/{id:guid}", _ => "/api/v1/payslips/{payslip}", _ => null, Only(ok, jobReaders), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/payslips/{id:guid}/pdf", _ => "/api/v1/payslips/{payslip}/pdf", _ => null, Only(ok, jobReaders), HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/payslips/{id:guid}/validate", _ => "/api/v1/payslips/{payslip}/validate", _ => null, Only(ok, payroll), HttpStatusCode.Forbidden);
        yield return ("POST", "/api/v1/payroll/runs", _ => "/api/v1/payroll/runs", _ => new { Until = "2026-11-26" }, Only(ok, payroll), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/payroll/batches", _ => "/api/v1/payroll/batches", _ => null, Only(ok, payroll), HttpStatusCode.Forbidden);
        yield return ("POST", "/api/v1/payroll/batches/{id:guid}/release", _ => $"/api/v1/payroll/batches/{Guid.NewGuid()}/release", _ => null, payroll.ToDictionary(e => e, _ => HttpStatusCode.NotFound), HttpStatusCode.Forbidden);
        yield return ("POST", "/api/v1/payroll/batches/{id:guid}/approve", _ => $"/api/v1/payroll/batches/{Guid.NewGuid()}/approve", _ => null, payroll.ToDictionary(e => e, _ => HttpStatusCode.NotFound), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/payroll/batches/{id:guid}/sepa.xml", _ => $"/api/v1/payroll/batches/{Guid.NewGuid()}/sepa.xml", _ => null, payroll.ToDictionary(e => e, _ => HttpStatusCode.NotFound), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/payroll/contributions", _ => "/api/v1/payroll/contributions?from=2026-11&to=2026-12", _ => null, Only(ok, payroll), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/payroll/contributions.csv", _ => "/api/v1/payroll/contributions.csv?from=2026-11&to=2026-12", _ => null, Only(ok, payroll), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/payroll/tax-rates", w => $"/api/v1/payroll/tax-rates?member={w.LilleMember}", _ => null, Only(ok, payroll), HttpStatusCode.Forbidden);
        yield return ("POST", "/api/v1/payroll/tax-rates", _ => "/api/v1/payroll/tax-rates",
            w => new { MemberId = w.ParisMember.ToString(), Rate = "0.05", From = EffectiveDay(), Source = "Retour DSN" },
            Only(HttpStatusCode.Created, payroll), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/payroll/dpae.csv", _ => "/api/v1/payroll/dpae.csv?from=2026-11-01&to=2026-11-30", _ => null, payroll.ToDictionary(e => e, _ => ok), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/payroll/dpae.xml", _ => "/api/v1/payroll/dpae.xml?from=2030-11-01&to=2030-11-30", _ => null,
            Only(HttpStatusCode.UnprocessableEntity, payroll), HttpStatusCode.Forbidden);   // no hire then: a clear refusal for payroll staff, nothing for others
        yield return ("GET", "/api/v1/payroll/dsn", _ => "/api/v1/payroll/dsn?entity=LNA&month=2026-01", _ => null,
            payroll.ToDictionary(e => e, _ => ok), HttpStatusCode.Forbidden);   // a month without pay: the "néant" declaration
        yield return ("POST", "/api/v1/payroll/dsn-filings", _ => "/api/v1/payroll/dsn-filings", _ => new { Entity = "LNA", Month = "2026-01" },
            payroll.ToDictionary(e => e, _ => HttpStatusCode.Created), HttpStatusCode.Forbidden);   // each call keeps one more file of the month
        yield return ("GET", "/api/v1/payroll/dsn-filings", _ => "/api/v1/payroll/dsn-filings", _ => null, payroll.ToDictionary(e => e, _ => ok), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/payroll/dsn-filings/{id:guid}/file", _ => $"/api/v1/payroll/dsn-filings/{Guid.Empty}/file", _ => null,
            payroll.ToDictionary(e => e, _ => HttpStatusCode.NotFound), HttpStatusCode.Forbidden);
        yield return ("POST", "/api/v1/payroll/dsn-filings/{id:guid}/sent", _ => $"/api/v1/payroll/dsn-filings/{Guid.Empty}/sent", _ => new { DepositReference = "X" },
            payroll.ToDictionary(e => e, _ => HttpStatusCode.NotFound), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/payroll/minimum-rates", _ => "/api/v1/payroll/minimum-rates", _ => null, payroll.ToDictionary(e => e, _ => ok), HttpStatusCode.Forbidden);
        yield return ("POST", "/api/v1/payroll/minimum-rates", _ => "/api/v1/payroll/minimum-rates",
            _ => new { CollectiveAgreement = "1285", Trade = "*", Unit = "Hour", Amount = "12.50", From = EffectiveDay(), Source = "Grille" },
            payroll.ToDictionary(e => e, _ => HttpStatusCode.Created), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/payroll/parameters", _ => "/api/v1/payroll/parameters?date=2026-11-26", _ => null, payroll.ToDictionary(e => e, _ => ok), HttpStatusCode.Forbidden);
        yield return ("POST", "/api/v1/payroll/parameters", _ => "/api/v1/payroll/parameters",
            _ => new { Code = "cmb", From = EffectiveDay(), Value = "0.0031", Source = "Appel de cotisation CMB" },
            payroll.ToDictionary(e => e, _ => HttpStatusCode.Created), HttpStatusCode.Forbidden);
    }

    protected static IEnumerable<(string Method, string Pattern, Func<World, string> Path, Func<World, object?> Body, Dictionary<string, HttpStatusCode> Allowed, HttpStatusCode Otherwise)> EmployerEndpoints()
    {
        var ok = HttpStatusCode.OK;
        Dictionary<string, HttpStatusCode> Only(HttpStatusCode code, params string[] who) => who.ToDictionary(e => e, _ => code);
        string[] service = [World.Admin, World.Payroll];
        yield return ("GET", "/api/v1/employers/", _ => "/api/v1/employers", _ => null, Everyone.Where(e => e != Anonymous).ToDictionary(e => e, _ => ok), HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/employers/", _ => "/api/v1/employers", w => World.NewEmployer(w.Lille, "Compagnie Nouvelle", TestIdentifiers.Siret(TestIdentifiers.Siren())),
            Only(HttpStatusCode.Created, service), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/employers/report", _ => "/api/v1/employers/report?year=2026", _ => null, Only(ok, Staff), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/employers/{id:guid}", w => $"/api/v1/employers/{w.LilleEmployer}", _ => null,
            Only(ok, [.. Staff, World.LilleManager, World.Employer]), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/employers/{id:guid}#other", w => $"/api/v1/employers/{w.ParisEmployer}", _ => null,
            Only(ok, [.. Staff, World.ParisManager]), HttpStatusCode.NotFound);
        yield return ("PUT", "/api/v1/employers/{id:guid}", w => $"/api/v1/employers/{w.LilleEmployer}", w => World.NewEmployer(w.Lille, "Festival du Nord", "80012345700015"),
            Only(ok, service), HttpStatusCode.Forbidden);
        yield return ("PUT", "/api/v1/employers/{id:guid}/status", w => $"/api/v1/employers/{w.LilleEmployer}/status", _ => new { Active = true }, Only(ok, service), HttpStatusCode.Forbidden);
        yield return ("POST", "/api/v1/employers/{id:guid}/users", w => $"/api/v1/employers/{w.LilleEmployer}/users", _ => new { Email = World.Employer },
            Only(HttpStatusCode.NoContent, service), HttpStatusCode.Forbidden);
        yield return ("POST", "/api/v1/employers/{id:guid}/mandates", _ => "/api/v1/employers/{fresh-employer}/mandates",
            _ => new { Kind = "Complete", SignedOn = "2026-03-15", SignedBy = "Anne Directrice" }, Only(ok, service), HttpStatusCode.Forbidden);
        yield return ("POST", "/api/v1/employers/{id:guid}/mandates/terminate", _ => "/api/v1/employers/{mandated-employer}/mandates/terminate",
            _ => new { Reason = "Fin d'activité" }, Only(ok, service), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/employers/{id:guid}/contracts", w => $"/api/v1/employers/{w.LilleEmployer}/contracts", _ => null,
            Only(ok, [.. Staff, World.LilleManager, World.Employer]), HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/employers/{id:guid}/contracts", _ => "/api/v1/employers/{lille-employer-mandated}/contracts",
            _ => new App.Modules.Employers.Features.StaffContractInput("MATRICE", "Léo", Employers.StaffPayrollTests.Nir(500 + Interlocked.Increment(ref counter)), "1991-02-03",
                "FR7630006000011234567890189", "intermittent_technician", "non", "Régisseur", null, TestDates.Ahead("2026-12-20"), TestDates.Ahead("2026-12-20"), "8", null, "200", null),
            Only(HttpStatusCode.Created, World.Admin, World.Payroll, World.Employer), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/employers/{id:guid}/contracts/{contract:guid}.pdf", _ => "/api/v1/employers/{lille-staff-contract}.pdf", _ => null,
            Only(ok, [.. Staff, World.LilleManager, World.Employer]), HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/employers/{id:guid}/contracts.csv", w => $"/api/v1/employers/{w.LilleEmployer}/contracts.csv", _ => null,
            Only(HttpStatusCode.BadRequest, World.Admin, World.Payroll, World.Employer), HttpStatusCode.NotFound);   // no file: a clear 400 for whoever may submit
        yield return ("GET", "/api/v1/employers/contracts-template.csv", _ => "/api/v1/employers/contracts-template.csv", _ => null,
            Everyone.Where(e => e != Anonymous).ToDictionary(e => e, _ => ok), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/employer-payslips/", _ => "/api/v1/employer-payslips", _ => null, Everyone.Where(e => e != Anonymous).ToDictionary(e => e, _ => ok), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/employer-payslips/{id:guid}", _ => "/api/v1/employer-payslips/{staff-payslip}", _ => null,
            Only(ok, [.. Staff, World.LilleManager, World.Employer]), HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/employer-payslips/{id:guid}/validate", _ => "/api/v1/employer-payslips/{staff-payslip}/validate", _ => null,
            Only(ok, service), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/employer-payslips/{id:guid}/pdf", _ => "/api/v1/employer-payslips/{staff-payslip}/pdf", _ => null,
            Only(ok, [.. Staff, World.LilleManager, World.Employer]), HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/employers/{id:guid}/invoices", _ => "/api/v1/employers/{invoiceable-employer}/invoices", _ => new { Period = TestDates.Ahead("2026-12") },
            Only(HttpStatusCode.Created, service), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/employer-invoices/", _ => "/api/v1/employer-invoices", _ => null, Everyone.Where(e => e != Anonymous).ToDictionary(e => e, _ => ok), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/employer-invoices/exposure", _ => "/api/v1/employer-invoices/exposure", _ => null, Only(ok, Staff), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/employer-invoices/{id:guid}", _ => "/api/v1/employer-invoices/{employer-invoice}", _ => null,
            Only(ok, [.. Staff, World.LilleManager, World.Employer]), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/employer-invoices/{id:guid}/pdf", _ => "/api/v1/employer-invoices/{employer-invoice}/pdf", _ => null,
            Only(ok, [.. Staff, World.LilleManager, World.Employer]), HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/employer-invoices/{id:guid}/credit-note", _ => "/api/v1/employer-invoices/{employer-invoice}/credit-note", _ => new { Reason = "Erreur de période" },
            Only(HttpStatusCode.Created, service), HttpStatusCode.Forbidden);
        yield return ("POST", "/api/v1/employer-invoices/{id:guid}/payments", _ => "/api/v1/employer-invoices/{employer-invoice}/payments", _ => new { Amount = "1.00", Date = "2026-11-26" },
            Only(ok, World.Admin, World.Finance), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/employers/{id:guid}/contracts/{contract:guid}/certificate.pdf", _ => "/api/v1/employers/{certified-contract}/certificate.pdf", _ => null,
            Only(ok, [.. Staff, World.LilleManager, World.Employer]), HttpStatusCode.NotFound);
        // A month of the complete mandate without payslips: the "néant" declaration.
        // The month of the mandate's signature, before the staff's contracts; the writer follows the 2026 norm, so a clock moved past 2026 gets its clear refusal.
        var dsnMonth = TestDates.Ahead("2026-11");
        yield return ("GET", "/api/v1/employers/{id:guid}/dsn", _ => $"/api/v1/employers/{{lille-employer-mandated}}/dsn?month={dsnMonth}&test=true", _ => null,
            Only(dsnMonth.StartsWith("2026", StringComparison.Ordinal) ? ok : HttpStatusCode.Conflict, [.. Staff, World.LilleManager, World.Employer]), HttpStatusCode.NotFound);
        // Payroll staff keep the file for the deposit; the employer and their manager only download it.
        yield return ("POST", "/api/v1/employers/{id:guid}/dsn-filings", _ => "/api/v1/employers/{lille-employer-mandated}/dsn-filings", _ => new { Month = dsnMonth },
            Only(dsnMonth.StartsWith("2026", StringComparison.Ordinal) ? HttpStatusCode.Created : HttpStatusCode.Conflict, service), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/employers/{id:guid}/dsn-filings", _ => "/api/v1/employers/{lille-employer-mandated}/dsn-filings", _ => null, Only(ok, service), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/employers/{id:guid}/tax-rates", _ => "/api/v1/employers/{lille-employer-mandated}/tax-rates", _ => null, Only(ok, service), HttpStatusCode.Forbidden);
        // Payroll staff reach the check of the person (none has an empty id); everyone else is refused on the route.
        yield return ("POST", "/api/v1/employers/{id:guid}/tax-rates", _ => "/api/v1/employers/{lille-employer-mandated}/tax-rates",
            _ => new { StaffMemberId = Guid.Empty.ToString(), Rate = "0.05", From = EffectiveDay(), Source = "Matrice" }, Only(HttpStatusCode.BadRequest, service), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/employers/{id:guid}/staff", _ => "/api/v1/employers/{lille-employer-mandated}/staff", _ => null, Only(ok, service), HttpStatusCode.Forbidden);
        // Payroll staff reach the check of the person (none has an empty id); everyone else is refused on the route.
        yield return ("PUT", "/api/v1/employers/{id:guid}/staff/{staffMemberId:guid}/birthplace", _ => $"/api/v1/employers/{{lille-employer-mandated}}/staff/{Guid.Empty}/birthplace",
            _ => new { BirthPlace = "Lille" }, Only(HttpStatusCode.NotFound, service), HttpStatusCode.Forbidden);
        yield return ("GET", "/api/v1/employers/{id:guid}/mandates/{mandate:guid}.pdf", _ => "/api/v1/employers/{lille-mandate}.pdf", _ => null,
            Only(ok, [.. Staff, World.LilleManager, World.Employer]), HttpStatusCode.NotFound);
    }

    /// <summary>The share register and the assemblies: governance staff (and administrators) keep them; a member applies, reads their own record and votes where convened; anyone else gets 404.</summary>
    protected static IEnumerable<(string Method, string Pattern, Func<World, string> Path, Func<World, object?> Body, Dictionary<string, HttpStatusCode> Allowed, HttpStatusCode Otherwise)> GovernanceEndpoints()
    {
        var ok = HttpStatusCode.OK;
        Dictionary<string, HttpStatusCode> Only(HttpStatusCode code, params string[] who) => who.ToDictionary(e => e, _ => code);
        string[] governance = [World.Admin, World.Governance];
        var staff = Only(ok, governance);
        var signedIn = Everyone.Where(e => e != Anonymous).ToDictionary(e => e, _ => ok);
        yield return ("POST", "/api/v1/shareholders", _ => "/api/v1/shareholders", _ => new { Name = $"Partenaire {Guid.NewGuid():N}"[..22], Category = "6", Shares = "1" },
            Only(HttpStatusCode.Created, [.. governance, World.LilleMemberEmail]), HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/shareholders/{id:guid}/decision", _ => "/api/v1/shareholders/{applicant-shareholder}/decision", _ => new { Approve = true, Decision = "CA du 20/11/2026" }, staff, HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/shareholders/{id:guid}/subscriptions", _ => "/api/v1/shareholders/{admitted-shareholder}/subscriptions", _ => new { Shares = "1" }, staff, HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/shareholders/{id:guid}/payments", _ => "/api/v1/shareholders/{admitted-shareholder}/payments", _ => new { Amount = "10" }, staff, HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/shareholders/{id:guid}/transfers", _ => "/api/v1/shareholders/{paid-shareholder}/transfers",
            _ => new { ToShareholderId = "{receiver-shareholder}", Shares = "1", Decision = "CA" }, staff, HttpStatusCode.NotFound);
        // Admitted today, the category changes from tomorrow at the earliest: staff reach the rule (400), no one else the record.
        yield return ("POST", "/api/v1/shareholders/{id:guid}/category", _ => "/api/v1/shareholders/{admitted-shareholder}/category", _ => new { Category = "7" },
            Only(HttpStatusCode.BadRequest, governance), HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/shareholders/{id:guid}/leave", _ => "/api/v1/shareholders/{admitted-shareholder}/leave", _ => new { Reason = "Resignation", Decision = "Lettre" }, staff, HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/shareholders/{id:guid}/redemption", _ => "/api/v1/shareholders/{left-shareholder}/redemption", _ => new { Decision = "CA" },
            Only(HttpStatusCode.Conflict, governance), HttpStatusCode.NotFound);   // the statutory delay has not run
        yield return ("GET", "/api/v1/shareholders", _ => "/api/v1/shareholders?q=Partenaire", _ => null, staff, HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/shareholders/{id:guid}", _ => "/api/v1/shareholders/{admitted-shareholder}", _ => null, staff, HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/shareholders/{id:guid}#own", _ => "/api/v1/shareholders/{own-shareholder}", _ => null, Only(ok, [.. governance, World.LilleMemberEmail]), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/me/shares", _ => "/api/v1/me/shares", _ => null, signedIn, HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/share-movements/{id:guid}/certificate.pdf", _ => "/api/v1/share-movements/{share-movement}/certificate.pdf", _ => null, staff, HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/share-register", _ => "/api/v1/share-register?entity=SCIC", _ => null, staff, HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/share-register.pdf", _ => "/api/v1/share-register.pdf", _ => null, staff, HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/share-register.csv", _ => "/api/v1/share-register.csv?entity=GE", _ => null, staff, HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/assemblies", _ => "/api/v1/assemblies", _ =>
            {
                string At(int days, int hour) => PartageFactory.Now.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + $"T{hour:D2}:00";
                return new { EntityCode = "SCIC", Kind = "Ordinary", Title = "AG", Place = "Lille", MeetingAt = At(40, 18), VotingOpensAt = At(39, 9), VotingClosesAt = At(40, 20) };
            }, Only(HttpStatusCode.Created, governance), HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/assemblies/{id:guid}/resolutions", _ => "/api/v1/assemblies/{draft-assembly}/resolutions", _ => new { Title = "Comptes", Text = "Approbation." }, staff, HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/assemblies/{id:guid}/convene", _ => "/api/v1/assemblies/{ready-assembly}/convene", _ => null, staff, HttpStatusCode.NotFound);
        // Staff must name who gives the proxy or who votes in the room (400); a member not on the roll does not see the assembly.
        yield return ("POST", "/api/v1/assemblies/{id:guid}/proxies", _ => "/api/v1/assemblies/{convened-assembly}/proxies", _ => new { ToShareholderId = Guid.NewGuid().ToString() },
            Only(HttpStatusCode.BadRequest, governance), HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/assemblies/{id:guid}/votes", _ => "/api/v1/assemblies/{convened-assembly}/votes", _ => new { Choices = new Dictionary<string, string>() },
            Only(HttpStatusCode.BadRequest, governance), HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/assemblies/{id:guid}/close", _ => "/api/v1/assemblies/{convened-assembly}/close", _ => null, staff, HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/assemblies", _ => "/api/v1/assemblies", _ => null, signedIn, HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/assemblies/{id:guid}", _ => "/api/v1/assemblies/{convened-assembly}", _ => null, staff, HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/assemblies/{id:guid}/convocation.pdf", _ => "/api/v1/assemblies/{convened-assembly}/convocation.pdf", _ => null, staff, HttpStatusCode.NotFound);
        // The upload is multipart: the matrix's JSON body is refused in words (400) to staff; nobody else reaches the assembly.
        yield return ("POST", "/api/v1/assemblies/{id:guid}/resolutions/{resolution:guid}/documents", _ => "/api/v1/assemblies/{draft-resolution}/documents", _ => new { Name = "comptes.pdf" },
            Only(HttpStatusCode.BadRequest, governance), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/assemblies/{id:guid}/documents/{document:guid}", _ => "/api/v1/assemblies/{assembly-document}", _ => null, staff, HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/assemblies/{id:guid}/minutes.pdf", _ => "/api/v1/assemblies/{closed-assembly}/minutes.pdf", _ => null, staff, HttpStatusCode.NotFound);
    }

    /// <summary>
    /// The equipment leases: a member asks for their own activity and reads their own leases; the office's manager reviews,
    /// approves and refuses; finance (and administrators) do all that and record purchases, collect, pay off, pause, end,
    /// declare defaults; anyone else gets 404.
    /// </summary>
    protected static IEnumerable<(string Method, string Pattern, Func<World, string> Path, Func<World, object?> Body, Dictionary<string, HttpStatusCode> Allowed, HttpStatusCode Otherwise)> LeasingEndpoints()
    {
        var ok = HttpStatusCode.OK;
        Dictionary<string, HttpStatusCode> Only(HttpStatusCode code, params string[] who) => who.ToDictionary(e => e, _ => code);
        string[] finance = [World.Admin, World.Finance];
        string[] reviewers = [.. finance, World.LilleManager];
        string[] readers = [.. reviewers, World.LilleMemberEmail];
        var signedIn = Everyone.Where(e => e != Anonymous).ToDictionary(e => e, _ => ok);
        string Soon(int days) => PartageFactory.Now.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        yield return ("POST", "/api/v1/leases", _ => "/api/v1/leases", w => new { ActivityId = w.LilleActivity.ToString(), Description = "Caméra", Kind = "video", Supplier = "Phototech", PriceExclVat = "1000", PriceInclVat = "1200", WishedMonths = "12" },
            Only(HttpStatusCode.Created, readers), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/leases", _ => "/api/v1/leases?q=LOC", _ => null, signedIn, HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/leases/portfolio", _ => "/api/v1/leases/portfolio", _ => null, Only(ok, [.. reviewers, World.ParisManager]), HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/leases/collect", _ => "/api/v1/leases/collect", _ => new { }, Only(ok, finance), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/leases/direct-debits/{id:guid}.xml", _ => "/api/v1/leases/direct-debits/{debit-file}.xml", _ => null, Only(ok, finance), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/leases/{id:guid}", _ => "/api/v1/leases/{requested-lease}", _ => null, Only(ok, readers), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/leases/{id:guid}/review", _ => "/api/v1/leases/{requested-lease}/review", _ => null, Only(ok, reviewers), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/leases/{id:guid}/quote", _ => "/api/v1/leases/{quoted-lease}/quote", _ => null, Only(ok, readers), HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/leases/{id:guid}/approve", _ => "/api/v1/leases/{requested-lease}/approve", _ => new { Months = "12", FirstDueOn = Soon(10) }, Only(ok, reviewers), HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/leases/{id:guid}/refuse", _ => "/api/v1/leases/{requested-lease}/refuse", _ => new { Reason = "Pas maintenant" }, Only(ok, reviewers), HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/leases/{id:guid}/purchase", _ => "/api/v1/leases/{approved-lease}/purchase",
            _ => new { InvoiceNumber = "F-2026-1", InvoiceDate = Soon(0), AmountExclVat = "1200", Vat = "240" }, Only(ok, finance), HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/leases/{id:guid}/mandate", _ => "/api/v1/leases/{approved-lease}/mandate",
            _ => new { DebtorName = "Camille Martin", Iban = "FR1420041010050500013M02606", Accept = true }, Only(ok, [.. finance, World.LilleMemberEmail]), HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/leases/{id:guid}/payoff", _ => "/api/v1/leases/{active-lease}/payoff", _ => null, Only(ok, finance), HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/leases/{id:guid}/pause", _ => "/api/v1/leases/{active-lease}/pause", _ => new { Months = "1", Reason = "Hiver" }, Only(ok, finance), HttpStatusCode.NotFound);
        // An active lease with instalments to come: finance reaches the rules (409), no one else the lease.
        yield return ("POST", "/api/v1/leases/{id:guid}/end", _ => "/api/v1/leases/{active-lease}/end", _ => null, Only(HttpStatusCode.Conflict, finance), HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/leases/{id:guid}/default", _ => "/api/v1/leases/{active-lease}/default", _ => new { Recovery = "Rendu" }, Only(HttpStatusCode.Conflict, finance), HttpStatusCode.NotFound);
        yield return ("POST", "/api/v1/leases/{id:guid}/instalments/{number:int}/return", _ => "/api/v1/leases/{active-lease}/instalments/1/return", _ => new { Reason = "AM04" },
            Only(HttpStatusCode.Conflict, finance), HttpStatusCode.NotFound);
    }

    /// <summary>The annual report and the offices' dashboards: the cooperative's staff read any, a manager their office's; administration, finance and governance load history; anyone else 404.</summary>
    protected static IEnumerable<(string Method, string Pattern, Func<World, string> Path, Func<World, object?> Body, Dictionary<string, HttpStatusCode> Allowed, HttpStatusCode Otherwise)> ReportingEndpoints()
    {
        var ok = HttpStatusCode.OK;
        Dictionary<string, HttpStatusCode> Only(HttpStatusCode code, params string[] who) => who.ToDictionary(e => e, _ => code);
        string[] readers = [.. Staff, World.LilleManager, World.ParisManager];
        var signedIn = Everyone.Where(e => e != Anonymous).ToDictionary(e => e, _ => ok);
        // The import is multipart: the matrix's JSON body is refused in words (400) to those who may import; nobody else reaches it.
        yield return ("POST", "/api/v1/reports/history", _ => "/api/v1/reports/history", _ => new { File = "x" }, Only(HttpStatusCode.BadRequest, World.Admin, World.Finance, World.Governance), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/reports/history/template.csv", _ => "/api/v1/reports/history/template.csv", _ => null, signedIn, HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/reports/annual", _ => "/api/v1/reports/annual?year=2026", _ => null, Only(ok, readers), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/reports/annual.pdf", _ => "/api/v1/reports/annual.pdf?year=2026", _ => null, Only(ok, readers), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/reports/annual/{table}.csv", _ => "/api/v1/reports/annual/project_members.csv?year=2026", _ => null, Only(ok, readers), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/reports/annual/{table}.xlsx", _ => "/api/v1/reports/annual/project_members.xlsx?year=2026", _ => null, Only(ok, readers), HttpStatusCode.NotFound);
        yield return ("GET", "/api/v1/reports/office-dashboard", w => $"/api/v1/reports/office-dashboard?month=2026-11&office={w.Paris}", _ => null, Only(ok, readers), HttpStatusCode.NotFound);
    }

    private static int counter;

    /// <summary>Fiscal years from 2031 and first days of months from 2040, each used once: within the dates the API takes (1900..2100).</summary>
    private static int years;

    private static int months;

    private static string EffectiveDay() => new DateOnly(2040, 1, 1).AddMonths(Interlocked.Increment(ref months)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    private static int closedMonths;

    internal static IEnumerable<(string Method, string Pattern, Func<World, string> Path, Func<World, object?> Body, Dictionary<string, HttpStatusCode> Allowed, HttpStatusCode Otherwise)> All() =>
        Endpoints().Concat(LedgerEndpoints()).Concat(ClientEndpoints()).Concat(InvoiceEndpoints()).Concat(PayrollEndpoints()).Concat(EmployerEndpoints()).Concat(GovernanceEndpoints()).Concat(LeasingEndpoints()).Concat(ReportingEndpoints());

    /// <summary>Every endpoint with every caller: the rows of one part of the matrix (each part runs on its own server, in parallel with the others).</summary>
    protected static TheoryData<string, string> CasesOf(IEnumerable<(string Method, string Pattern, Func<World, string> Path, Func<World, object?> Body, Dictionary<string, HttpStatusCode> Allowed, HttpStatusCode Otherwise)> endpoints)
    {
        var data = new TheoryData<string, string>();
        foreach (var endpoint in endpoints)
        {
            foreach (var who in Everyone)
            {
                data.Add(endpoint.Method + " " + endpoint.Pattern, who);
            }
        }

        return data;
    }

    [Theory]
#pragma warning disable xUnit1015   // "Cases" is each part's own static (xUnit looks it up on the class that runs, the analyser on this abstract one)
    [MemberData("Cases")]
#pragma warning restore xUnit1015
    public async Task Endpoint_Role_GetsExpectedStatus(string endpoint, string who)
    {
        var world = await Ledger.Books.OpenAsync(factory);
        var e = All().Single(x => x.Method + " " + x.Pattern == endpoint);
        var expected = e.Allowed.TryGetValue(who, out var allowed) ? allowed
            : who == Anonymous ? HttpStatusCode.Unauthorized
            : e.Otherwise;
        using var client = who == Anonymous ? factory.CreateClient() : await factory.ClientForAsync(who);
        using var request = new HttpRequestMessage(new HttpMethod(e.Method), await ResolveAsync(e.Path(world), world));
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        if (e.Body(world) is { } body)
        {
            var json = System.Text.Json.JsonSerializer.Serialize(body, body.GetType());
            if (json.Contains("{funded-activity}", StringComparison.Ordinal))
            {
                await Payroll.Hiring.FundAsync(factory, world.LilleActivity, 100_000);
                json = json.Replace("{funded-activity}", world.LilleActivity.ToString(), StringComparison.Ordinal);
            }

            if (json.Contains("{receiver-shareholder}", StringComparison.Ordinal))
            {
                json = json.Replace("{receiver-shareholder}", (await Governance.Registers.AdmittedAsync(factory)).Id.ToString(), StringComparison.Ordinal);
            }

            if (json.Contains("{client-id}", StringComparison.Ordinal))
            {
                json = json.Replace("{client-id}", (await Invoicing.Sales.FrenchClientAsync(factory)).Id.ToString(), StringComparison.Ordinal);
            }

            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);

        Assert.True(expected == response.StatusCode, $"{endpoint} as {who}: expected {(int)expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Fills the placeholders that need data of their own: an entry, an entry to reverse, a month to close.</summary>
    private async Task<string> ResolveAsync(string path, World world)
    {
        path = await ResolveGovernanceAsync(path);
        path = await ResolveLeasingAsync(path, world);
        if (path.Contains("{draft}", StringComparison.Ordinal) || path.Contains("{issued}", StringComparison.Ordinal) || path.Contains("{pending}", StringComparison.Ordinal))
        {
            var client = await Invoicing.Sales.FrenchClientAsync(factory);
            var small = Invoicing.Sales.Draft(world.LilleActivity, client.Id, ("Atelier", "1", "C62", "100", null));
            InvoiceId id;
            if (path.Contains("{pending}", StringComparison.Ordinal))
            {
                var member = await factory.ActorAsync(World.LilleMemberEmail);
                var large = await Invoicing.Sales.DraftAsync(factory, Invoicing.Sales.Draft(world.LilleActivity, client.Id, ("Tournée", "1", "C62", "9000", null)), member);
                id = (await Invoicing.Sales.IssueAsync(factory, large.Id, member)).Id;
            }
            else
            {
                id = path.Contains("{issued}", StringComparison.Ordinal) ? (await Invoicing.Sales.IssuedAsync(factory, small)).Id : (await Invoicing.Sales.DraftAsync(factory, small)).Id;
            }

            path = path.Replace("{draft}", id.ToString(), StringComparison.Ordinal).Replace("{issued}", id.ToString(), StringComparison.Ordinal).Replace("{pending}", id.ToString(), StringComparison.Ordinal);
        }

        if (path.Contains("{entry}", StringComparison.Ordinal) || path.Contains("{fresh-entry}", StringComparison.Ordinal))
        {
            var entry = await Ledger.Books.PostAsync(factory, Ledger.Books.Scic, Ledger.Books.D(6, 9), Guid.NewGuid().ToString("N"),
                ("512", App.Modules.Ledger.Side.Debit, 100, null), ("471", App.Modules.Ledger.Side.Credit, 100, null));
            path = path.Replace("{entry}", entry.Id.ToString(), StringComparison.Ordinal).Replace("{fresh-entry}", entry.Id.ToString(), StringComparison.Ordinal);
        }

        if (path.Contains("{job}", StringComparison.Ordinal) || path.Contains("{signed-job}", StringComparison.Ordinal))
        {
            await Payroll.Hiring.FundAsync(factory, world.LilleActivity, 100_000);
            var member = await factory.ActorAsync(World.LilleMemberEmail);
            var job = await Payroll.Hiring.DeclareAsync(factory, Payroll.Hiring.Artist(world.LilleActivity, Payroll.Hiring.NextDay()), member);
            if (path.Contains("{signed-job}", StringComparison.Ordinal))
            {
                await Payroll.Hiring.SignAsync(factory, job, member);
            }

            path = path.Replace("{job}", job.Id.ToString(), StringComparison.Ordinal).Replace("{signed-job}", job.Id.ToString(), StringComparison.Ordinal);
        }

        if (path.Contains("{payslip}", StringComparison.Ordinal))
        {
            // A payslip is computed from a job that has ended: it is written as the run would (the clock of this class stays on 2026-11-26).
            await Payroll.Hiring.FundAsync(factory, world.LilleActivity, 100_000);
            await Ledger.Books.OpenYearAsync(factory, TestDates.Ahead(new DateOnly(2027, 1, 1)).Year);
            var job = await Payroll.Hiring.CountersignedAsync(factory, Payroll.Hiring.Artist(world.LilleActivity, Payroll.Hiring.NextDay()));
            var id = await factory.InScopeAsync(async s =>
            {
                await s.GetRequiredService<App.Modules.Payroll.Features.ComputePayslips>().HandleAsync(job.End, App.Security.Actor.System);
                return (await s.GetRequiredService<App.Modules.Payroll.Features.ListPayslips>().ForJobAsync(job.Id, App.Security.Actor.System)).Single().Id;
            });
            path = path.Replace("{payslip}", id.ToString(), StringComparison.Ordinal);
        }

        if (path.Contains("{fresh-employer}", StringComparison.Ordinal) || path.Contains("{mandated-employer}", StringComparison.Ordinal))
        {
            var employers = await factory.InScopeAsync(s => s.GetRequiredService<App.Modules.Employers.Features.CreateEmployer>().HandleAsync(
                World.NewEmployer(world.Lille, "Ensemble", TestIdentifiers.Siret(TestIdentifiers.Siren())), App.Security.Actor.System));
            if (path.Contains("{mandated-employer}", StringComparison.Ordinal))
            {
                await factory.InScopeAsync(s => s.GetRequiredService<App.Modules.Employers.Features.SignMandate>().HandleAsync(employers.Id,
                    new App.Modules.Employers.Features.MandateInput("Partial", "2026-01-10", "Jean Président"), App.Security.Actor.System));
            }

            path = path.Replace("{fresh-employer}", employers.Id.ToString(), StringComparison.Ordinal).Replace("{mandated-employer}", employers.Id.ToString(), StringComparison.Ordinal);
        }

        if (path.Contains("{lille-employer-mandated}", StringComparison.Ordinal))
        {
            await Employers.EmployerTests.LilleMandateAsync(factory, world);
            path = path.Replace("{lille-employer-mandated}", world.LilleEmployer.ToString(), StringComparison.Ordinal);
        }

        if (path.Contains("{staff-payslip}", StringComparison.Ordinal) || path.Contains("{invoiceable-employer}", StringComparison.Ordinal) || path.Contains("{employer-invoice}", StringComparison.Ordinal)
            || path.Contains("{lille-staff-contract}", StringComparison.Ordinal) || path.Contains("{certified-contract}", StringComparison.Ordinal))
        {
            await Employers.EmployerTests.LilleMandateAsync(factory, world);
            await Ledger.Books.OpenYearAsync(factory, TestDates.Ahead(new DateOnly(2027, 1, 1)).Year);
            var day = TestDates.Ahead("2026-12-28");   // each contract for a new person (no overlap), all in the period the invoice row bills
            var contract = await factory.InScopeAsync(s => s.GetRequiredService<App.Modules.Employers.Features.SubmitStaffContract>().HandleAsync(world.LilleEmployer,
                new App.Modules.Employers.Features.StaffContractInput("MATRICE", "Léa", Employers.StaffPayrollTests.Nir(800 + Interlocked.Increment(ref counter)), "1991-02-03",
                    "FR7630006000011234567890189", "intermittent_technician", "non", "Régisseuse", null, day, day, "8", null, "200", null), App.Security.Actor.System));
            var id = await factory.InScopeAsync(async s =>
            {
                var list = s.GetRequiredService<App.Modules.Employers.Features.ListStaffPayslips>();
                await s.GetRequiredService<App.Modules.Employers.Features.ComputeStaffPayslips>().HandleAsync(contract.End, App.Security.Actor.System);
                var payslip = (await list.HandleAsync(world.LilleEmployer, "Computed", new App.Infrastructure.PageRequest(1, 100), App.Security.Actor.System)).Items.Single(p => p.ContractId == contract.Id).Id;
                if (!path.Contains("{staff-payslip}", StringComparison.Ordinal))
                {
                    // An invoice takes every payslip of its period, and a certificate every payslip of its contract, all validated: the other rows leave some computed.
                    foreach (var waiting in (await list.HandleAsync(world.LilleEmployer, "Computed", new App.Infrastructure.PageRequest(1, 100), App.Security.Actor.System)).Items)
                    {
                        await s.GetRequiredService<App.Modules.Employers.Features.ValidateStaffPayslip>().HandleAsync(waiting.Id, App.Security.Actor.System);
                    }
                }

                return payslip;
            });
            path = path.Replace("{lille-staff-contract}", $"{world.LilleEmployer}/contracts/{contract.Id}", StringComparison.Ordinal)
                .Replace("{certified-contract}", $"{world.LilleEmployer}/contracts/{contract.Id}", StringComparison.Ordinal);
            if (path.Contains("{employer-invoice}", StringComparison.Ordinal))
            {
                var invoice = await factory.InScopeAsync(s => s.GetRequiredService<App.Modules.Employers.Features.IssueEmployerInvoice>().HandleAsync(world.LilleEmployer,
                    new App.Modules.Employers.Features.EmployerInvoiceInput(contract.Start.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)), App.Security.Actor.System));
                path = path.Replace("{employer-invoice}", invoice.Id.ToString(), StringComparison.Ordinal);
            }

            path = path.Replace("{staff-payslip}", id.ToString(), StringComparison.Ordinal).Replace("{invoiceable-employer}", world.LilleEmployer.ToString(), StringComparison.Ordinal);
        }

        if (path.Contains("{lille-mandate}", StringComparison.Ordinal))
        {
            var mandate = await Employers.EmployerTests.LilleMandateAsync(factory, world);
            path = path.Replace("{lille-mandate}", $"{world.LilleEmployer}/mandates/{mandate}", StringComparison.Ordinal);
        }

        if (path.Contains("{quote}", StringComparison.Ordinal))
        {
            var client = await Invoicing.Sales.FrenchClientAsync(factory);
            var quote = await factory.InScopeAsync(s => s.GetRequiredService<App.Modules.Invoicing.Features.CreateQuote>().HandleAsync(
                new App.Modules.Invoicing.QuoteInput(Invoicing.Sales.Draft(world.LilleActivity, client.Id, ("Atelier", "1", "C62", "100", null)), null), App.Security.Actor.System));
            path = path.Replace("{quote}", quote.Id.ToString(), StringComparison.Ordinal);
        }

        if (path.Contains("{bank-line}", StringComparison.Ordinal))
        {
            var id = $"M-{Guid.NewGuid():N}"[..20];
            await Invoicing.BankStatementTests.ImportAsync(factory, Invoicing.BankStatementTests.Camt("02", id, new Invoicing.BankStatementTests.Credit(12m, Text: "Inconnu")));
            var line = await factory.InScopeAsync(s => s.GetRequiredService<App.Modules.Invoicing.Features.ListUnmatchedBankLines>().HandleAsync(new(1, 200), App.Security.Actor.System));
            path = path.Replace("{bank-line}", line.Items.First(l => l.BankReference.StartsWith(id, StringComparison.Ordinal)).Id.ToString(), StringComparison.Ordinal);
        }

        if (path.Contains("{client}", StringComparison.Ordinal))
        {
            var client = await Invoicing.Sales.FrenchClientAsync(factory);
            path = path.Replace("{client}", client.Id.ToString(), StringComparison.Ordinal);
        }

        // Each close takes a month of its own: GE's months are only closed by this test.
        return path.Contains("{month}", StringComparison.Ordinal)
            ? path.Replace("{month}", $"2026-{Interlocked.Increment(ref closedMonths):D2}", StringComparison.Ordinal)
            : path;
    }

    /// <summary>The leasing placeholders: a fresh lease on the Lille member's activity in the state the row needs, a direct-debit file.</summary>
    private async Task<string> ResolveLeasingAsync(string path, World world)
    {
        async Task<string> Fill(string placeholder, Func<Task<string>> make) => path.Contains(placeholder, StringComparison.Ordinal) ? path.Replace(placeholder, await make(), StringComparison.Ordinal) : path;
        path = await Fill("{requested-lease}", async () => (await Leasing.Leases.RequestedAsync(factory, world.LilleActivity)).Id.ToString());
        path = await Fill("{quoted-lease}", async () => (await factory.InScopeAsync(async s => await s.GetRequiredService<App.Modules.Leasing.Features.RequestLease>().HandleAsync(
            new App.Modules.Leasing.Features.RequestLeaseInput(world.LilleActivity.ToString(), "Projecteur", "lighting", "Scène Nord", "500", "600", "6"),
            new App.Modules.Leasing.Features.LeaseQuote("devis.pdf", System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n")), App.Security.Actor.System))).Id.ToString());
        path = await Fill("{approved-lease}", async () => (await Leasing.Leases.ApprovedAsync(factory, world.LilleActivity, factory.Today.AddDays(10))).Id.ToString());
        path = await Fill("{active-lease}", async () => (await Leasing.Leases.ActiveAsync(factory, await Leasing.Leases.FreshActivityAsync(factory, 500_000), factory.Today.AddDays(10))).Id.ToString());
        return await Fill("{debit-file}", async () => await factory.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<Persistence.PartageDbContext>();
            var file = new App.Modules.Leasing.DirectDebitFile { LegalEntityId = LegalEntitiesReferenceData.Lna, MessageId = $"PRLV-TEST-{Guid.NewGuid():N}"[..30], CreatedOn = factory.Today, CollectionOn = factory.Today, Content = "<Document/>"u8.ToArray() };
            db.Add(file);
            await db.SaveChangesAsync();
            return file.Id.ToString();
        }));
    }

    /// <summary>The governance placeholders: a fresh shareholder in the state the row needs, a movement, an assembly in the state it needs.</summary>
    private async Task<string> ResolveGovernanceAsync(string path)
    {
        async Task<string> Fill(string placeholder, Func<Task<string>> make) => path.Contains(placeholder, StringComparison.Ordinal) ? path.Replace(placeholder, await make(), StringComparison.Ordinal) : path;
        path = await Fill("{applicant-shareholder}", async () => (await Governance.Registers.ApplicantAsync(factory)).Id.ToString());
        path = await Fill("{admitted-shareholder}", async () => (await Governance.Registers.AdmittedAsync(factory)).Id.ToString());
        path = await Fill("{paid-shareholder}", async () => (await Governance.Registers.AdmittedAsync(factory, paid: true)).Id.ToString());
        path = await Fill("{left-shareholder}", async () => (await Governance.Registers.LeftAsync(factory)).Id.ToString());
        path = await Fill("{own-shareholder}", async () => (await Governance.Registers.OwnAsync(factory)).Id.ToString());
        path = await Fill("{share-movement}", async () => (await Governance.Registers.AdmittedAsync(factory)).Movements[0].Id.ToString());
        path = await Fill("{draft-assembly}", async () => (await Governance.Registers.AssemblyAsync(factory, App.Modules.Governance.AssemblyStatus.Draft, withAgenda: false)).Id.ToString());
        path = await Fill("{ready-assembly}", async () => (await Governance.Registers.AssemblyAsync(factory, App.Modules.Governance.AssemblyStatus.Draft)).Id.ToString());
        path = await Fill("{convened-assembly}", async () => (await Governance.Registers.AssemblyAsync(factory, App.Modules.Governance.AssemblyStatus.Convened)).Id.ToString());
        path = await Fill("{draft-resolution}", async () =>
        {
            var draft = await Governance.Registers.AssemblyAsync(factory, App.Modules.Governance.AssemblyStatus.Draft);
            return $"{draft.Id}/resolutions/{draft.Resolutions[0].Id}";
        });
        path = await Fill("{assembly-document}", async () =>
        {
            var draft = await Governance.Registers.AssemblyAsync(factory, App.Modules.Governance.AssemblyStatus.Draft);
            var with = await factory.InScopeAsync(s => s.GetRequiredService<App.Modules.Governance.Features.AttachResolutionDocument>()
                .HandleAsync(draft.Id, draft.Resolutions[0].Id, "comptes.pdf", System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"), App.Security.Actor.System));
            return $"{draft.Id}/documents/{with.Resolutions[0].Documents[0].Id}";
        });
        return await Fill("{closed-assembly}", async () => (await Governance.Registers.AssemblyAsync(factory, App.Modules.Governance.AssemblyStatus.Closed)).Id.ToString());
    }
}

/// <summary>The equipment leases and the annual report.</summary>
public sealed class LeasingAuthorizationTests(PartageFactory factory) : AuthorizationMatrixTests(factory)
{
    public static TheoryData<string, string> Cases() => CasesOf(LeasingEndpoints().Concat(ReportingEndpoints()));
}

/// <summary>The share register and the assemblies.</summary>
public sealed class GovernanceAuthorizationTests(PartageFactory factory) : AuthorizationMatrixTests(factory)
{
    public static TheoryData<string, string> Cases() => CasesOf(GovernanceEndpoints());
}

/// <summary>Members, activities, offices and the documents of their own.</summary>
public sealed class MemberAuthorizationTests(PartageFactory factory) : AuthorizationMatrixTests(factory)
{
    public static TheoryData<string, string> Cases() => CasesOf(Endpoints());
}

public sealed class LedgerAuthorizationTests(PartageFactory factory) : AuthorizationMatrixTests(factory)
{
    public static TheoryData<string, string> Cases() => CasesOf(LedgerEndpoints());
}

public sealed class SalesAuthorizationTests(PartageFactory factory) : AuthorizationMatrixTests(factory)
{
    public static TheoryData<string, string> Cases() => CasesOf(ClientEndpoints().Concat(InvoiceEndpoints()));
}

public sealed class PayrollAuthorizationTests(PartageFactory factory) : AuthorizationMatrixTests(factory)
{
    public static TheoryData<string, string> Cases() => CasesOf(PayrollEndpoints());
}

public sealed class EmployerAuthorizationTests(PartageFactory factory) : AuthorizationMatrixTests(factory)
{
    public static TheoryData<string, string> Cases() => CasesOf(EmployerEndpoints());
}

/// <summary>A further test fails when an endpoint exists that no part of the matrix covers.</summary>
public sealed class AuthorizationMatrixCoverageTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    [Fact]
    public async Task Matrix_CoversEveryApiEndpoint()
    {
        await factory.ReadyAsync();
        var covered = AuthorizationMatrixTests.All().Select(e => e.Method + " " + e.Pattern.Split('#')[0]).ToHashSet();
        var mapped = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(r => r.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true
                && r.RoutePattern.RawText != "/api/v1/auth/token")
            .SelectMany(r => r.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Select(m => m + " " + r.RoutePattern.RawText) ?? [])
            .ToList();
        Assert.NotEmpty(mapped);
        Assert.All(mapped, m => Assert.Contains(m, covered));
        Assert.All(covered, c => Assert.Contains(c, mapped));   // and every endpoint of the matrix is mapped (a feature whose Map is not called)
    }
}
