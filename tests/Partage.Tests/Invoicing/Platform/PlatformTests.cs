using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Modules.Invoicing.Platform;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Notifications.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Invoicing.Platform;

/// <summary>
/// Invoices through the accredited platform, end to end against the stand-in: Prism checks each call
/// against the AFNOR XP Z12-013 OpenAPI files, the scripted platform plays the client's side.
/// </summary>
public sealed class PlatformTests(PlatformStandIn standIn) : IClassFixture<PlatformStandIn>
{
    // The tests of the class run one after the other on one stand-in: each starts with an empty platform.
    private readonly bool reset = standIn.Reset();

    [Fact]
    public async Task AnInvoiceToAFrenchBusiness_GoesThroughThePlatform_FromDepositedToCollected()
    {
        using var factory = new PlatformFactory(standIn);
        var world = await Ledger.Books.OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        standIn.Platform.Directory[client.Siren!] = client.Siren + "_FACTURES";
        var issued = await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Concert", "1", "C62", "800", null), ("Sonorisation", "2", "DAY", "150.50", null)));

        var round = await PlatformFactory.SendAsync(factory);
        Assert.Equal((1, 0, 0), (round.Submitted, round.Retrying, round.Failed));
        var held = standIn.Platform.Submitted.Single(f => f.TrackingId == issued.Number);
        Assert.Equal(("Factur-X", "application/pdf", "B2B"), (held.Syntax, held.ContentType, held.ProcessingRule));
        var entity = await PlatformFactory.EntityAsync(factory, issued.EntityCode);
        Assert.Equal(entity.Siren, held.OrganizationId);
        var pdf = Path.Combine(Path.GetTempPath(), $"{held.FlowId}-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(pdf, factory.Sent.Single(f => f.Name == held.Name).Content);
        var report = await EInvoiceValidator.ValidatePdfAsync(pdf);
        Assert.True(report.Passed, report.ToString());
        Assert.Equal([200], (await ViewAsync(factory, issued.Id)).PlatformStatuses.Select(s => s.Code));
        Assert.Equal(0, (await PlatformFactory.SendAsync(factory)).Submitted);   // once, however many rounds

        // The client's side: received by its platform, taken in hand, approved.
        standIn.Platform.AddIncomingStatus(entity.Siren, ClientStatus(factory, issued.Number!, entity.Siren, client.Siren!, 202, "WK"));
        standIn.Platform.AddIncomingStatus(entity.Siren, ClientStatus(factory, issued.Number!, entity.Siren, client.Siren!, 204, "BY"));
        standIn.Platform.AddIncomingStatus(entity.Siren, ClientStatus(factory, issued.Number!, entity.Siren, client.Siren!, 205, "BY"));
        Assert.Equal(3, (await PlatformFactory.ReceiveAsync(factory)).Statuses);
        Assert.Equal(0, (await PlatformFactory.ReceiveAsync(factory)).Statuses);   // each flow read once

        // Paid in full a day later: the status "encaissée" goes back with the amount collected, a valid CDAR.
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await factory.InScopeAsync(s => s.GetRequiredService<RecordInvoicePayment>().HandleAsync(issued.Id, new PaymentInput("1321.20", TestDates.TodayText, "VIR CLIENT"), Actor.System));
        Assert.Equal(1, (await PlatformFactory.SendAsync(factory)).Submitted);
        var collected = standIn.Platform.Submitted.Single(f => f.TrackingId!.StartsWith(issued.Number + "/212/", StringComparison.Ordinal));
        Assert.Equal("CDAR", collected.Syntax);
        var xml = Path.Combine(Path.GetTempPath(), $"{collected.FlowId}-{Guid.NewGuid():N}.xml");
        await File.WriteAllBytesAsync(xml, collected.Content);
        var cdarReport = await EInvoiceValidator.ValidateCdarAsync(xml);
        Assert.True(cdarReport.Passed, cdarReport.ToString());
        var status = Assert.Single(Cdar.Read(collected.Content));
        Assert.Equal((212, issued.Number), (status.Code, status.InvoiceNumber));
        Assert.Contains("<ram:ValueAmount currencyID=\"EUR\">1321.20</ram:ValueAmount>", Encoding.UTF8.GetString(collected.Content), StringComparison.Ordinal);

        var view = await ViewAsync(factory, issued.Id);
        Assert.Equal([200, 202, 204, 205, 212], view.PlatformStatuses.Select(s => s.Code));
        Assert.Equal("Encaissée", view.PlatformStatuses[^1].Label);
        Assert.Empty(standIn.Flows.Violations);
        Assert.Empty(standIn.Directory.Violations);
    }

    [Fact]
    public async Task ARefusal_ComesThroughTheSignedWebhook_AndReachesTheMemberAndTheManager()
    {
        using var factory = new PlatformFactory(standIn);
        var world = await Ledger.Books.OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        standIn.Platform.Directory[client.Siren!] = client.Siren!;
        var issued = await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Atelier", "1", "C62", "300", null)));
        await PlatformFactory.SendAsync(factory);
        var entity = await PlatformFactory.EntityAsync(factory, issued.EntityCode);
        var refusal = ClientStatus(factory, issued.Number!, entity.Siren, client.Siren!, 210, "BY", "TX_TVA_ERR", "Taux de TVA erroné");
        var refusalFile = Path.Combine(Path.GetTempPath(), $"refus-{Guid.NewGuid():N}.xml");
        await File.WriteAllBytesAsync(refusalFile, refusal);
        var inputReport = await EInvoiceValidator.ValidateCdarAsync(refusalFile);   // the test's message is a valid one
        Assert.True(inputReport.Passed, inputReport.ToString());
        var flowId = standIn.Platform.AddIncomingStatus(entity.Siren, refusal);
        var body = ScriptedPlatform.FlowJson(standIn.Platform.Flows[flowId]).ToJsonString();

        using var http = factory.CreateClient();
        var now = factory.Clock.GetUtcNow().ToUnixTimeSeconds();
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallBackAsync(http, issued.EntityCode, body, now, "bm9u")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallBackAsync(http, issued.EntityCode, body, now - 3600, PlatformWebhook.Sign(PlatformFactory.WebhookSecret, now - 3600, body))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CallBackAsync(http, "XXX", body, now, PlatformWebhook.Sign(PlatformFactory.WebhookSecret, now, body))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await CallBackAsync(http, issued.EntityCode, body, now, PlatformWebhook.Sign(PlatformFactory.WebhookSecret, now, body))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await CallBackAsync(http, issued.EntityCode, body, now, PlatformWebhook.Sign(PlatformFactory.WebhookSecret, now, body))).StatusCode);
        Assert.Equal(0, (await PlatformFactory.ReceiveAsync(factory)).Statuses);   // the poll finds it already read

        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var view = await ViewAsync(factory, issued.Id, member);
        var refused = Assert.Single(view.PlatformStatuses, s => s.Code == 210);
        Assert.Equal(("Refusée", "client", "TX_TVA_ERR — Taux de TVA erroné", true), (refused.Label, refused.Source, refused.Reason, refused.NeedsAttention));
        foreach (var reader in new[] { member, await factory.ActorAsync(World.LilleManager) })
        {
            var notices = await factory.InScopeAsync(s => s.GetRequiredService<ListNotices>().HandleAsync(false, 1, 50, reader));
            Assert.Single(notices.Notices.Items, n => n.Text.Contains($"Facture {issued.Number} : refusée par le client (TX_TVA_ERR — Taux de TVA erroné)", StringComparison.Ordinal));
        }

        var dispute = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<Partage.App.Modules.Invoicing.Invoice>()
            .Where(i => i.Id == issued.Id).Select(i => new { i.DisputedSince, i.DisputeReason }).SingleAsync());
        Assert.Equal((factory.Today, "Refusée par le client sur la plateforme : TX_TVA_ERR — Taux de TVA erroné"), (dispute.DisputedSince, dispute.DisputeReason));   // dunning pauses
        var page = await (await factory.SignedInBrowserAsync(World.LilleMemberEmail)).GetStringAsync($"/factures/{issued.Id}");
        Assert.Contains("Plateforme de facturation électronique", page, StringComparison.Ordinal);
        Assert.Contains("Refusée", page, StringComparison.Ordinal);

        // The manager cancels it: the credit note follows the invoice's channel, through the platform.
        var manager = await factory.ActorAsync(World.LilleManager);
        var note = await factory.InScopeAsync(s => s.GetRequiredService<CreditInvoice>().HandleAsync(issued.Id, "Taux de TVA erroné", manager));
        Assert.Equal(1, (await PlatformFactory.SendAsync(factory)).Submitted);
        var held = standIn.Platform.Submitted.Single(f => f.TrackingId == note.Number);
        Assert.Equal(($"avoir-{note.Number}.pdf", "Factur-X"), (held.Name, held.Syntax));
        Assert.Equal([200], (await ViewAsync(factory, note.Id)).PlatformStatuses.Select(s => s.Code));
    }

    [Fact]
    public async Task WhatThePlatformCannotTake_IsTriedAgainLater_OrStopsWithItsReason()
    {
        using var factory = new PlatformFactory(standIn);
        var world = await Ledger.Books.OpenAsync(factory);
        var unknown = await Sales.FrenchClientAsync(factory);
        var known = await Sales.FrenchClientAsync(factory);
        standIn.Platform.Directory[known.Siren!] = known.Siren!;
        var lost = await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, unknown.Id, ("Atelier", "1", "C62", "100", null)));
        standIn.Platform.FailingSubmissions = 1;
        var delayed = await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, known.Id, ("Atelier", "1", "C62", "200", null)));

        var first = await PlatformFactory.SendAsync(factory);
        Assert.Equal((0, 1, 1), (first.Submitted, first.Retrying, first.Failed));
        var problem = (await ViewAsync(factory, lost.Id)).PlatformProblem;
        Assert.Contains($"(SIREN {unknown.Siren}) n'a pas d'adresse de réception active dans l'annuaire", problem, StringComparison.Ordinal);
        var waiting = await ViewAsync(factory, delayed.Id);
        Assert.True(waiting.PlatformQueued);
        Assert.Contains("503", waiting.PlatformProblem, StringComparison.Ordinal);
        Assert.Equal(0, (await PlatformFactory.SendAsync(factory)).Submitted);   // not due yet
        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal((1, 0, 0), await PlatformFactory.SendAsync(factory) is var again ? (again.Submitted, again.Retrying, again.Failed) : default);
        Assert.Null((await ViewAsync(factory, delayed.Id)).PlatformProblem);

        // Incoming messages that cannot be read, or name an invoice the entity did not issue, are kept as rejected, whole.
        var entity = await PlatformFactory.EntityAsync(factory, delayed.EntityCode);
        standIn.Platform.AddIncomingStatus(entity.Siren, Encoding.UTF8.GetBytes("<pas-un-cdar/>"));
        standIn.Platform.AddIncomingStatus(entity.Siren, ClientStatus(factory, "LNA-1999-999999", entity.Siren, known.Siren!, 205, "BY"));
        var receipt = await PlatformFactory.ReceiveAsync(factory);
        Assert.Equal((0, 2), (receipt.Statuses, receipt.Rejected));
        var rejected = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<PlatformFlow>()
            .Where(f => f.Direction == FlowDirection.In && f.State == PlatformFlowState.Rejected).Select(f => f.LastError).ToListAsync());
        Assert.Contains(rejected, e => e!.Contains("n'est pas un CDAR", StringComparison.Ordinal));
        Assert.Contains(rejected, e => e!.Contains("LNA-1999-999999, que l'entité n'a pas émise", StringComparison.Ordinal));

        // Finance's page lists what needs them (the failed sending, the two rejected messages); the failed one, put back in the queue, is tried again once.
        var finance = await factory.ActorAsync(World.Finance);
        var attention = await factory.InScopeAsync(s => s.GetRequiredService<ListPlatformFlows>().HandleAsync(null, new App.Infrastructure.PageRequest(1, 50), finance));
        Assert.Equal(3, attention.Total);
        var failed = Assert.Single(attention.Items, f => f.TrackingId == lost.Number);
        Assert.Equal(("envoi", "en échec"), (failed.Direction, failed.State));
        Assert.Contains("n'a pas d'adresse de réception active", failed.LastError, StringComparison.Ordinal);
        await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(async s => { await s.GetRequiredService<ListPlatformFlows>().RetryAsync(failed.Id, await factory.ActorAsync(World.LilleManager)); return 0; }));
        await factory.InScopeAsync(async s => { await s.GetRequiredService<ListPlatformFlows>().RetryAsync(failed.Id, finance); return 0; });
        var twice = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(async s => { await s.GetRequiredService<ListPlatformFlows>().RetryAsync(failed.Id, finance); return 0; }));
        Assert.Equal(Partage.App.Modules.Invoicing.InvoicingErrors.FlowNotFailed, twice.Error);
        Assert.Equal(1, (await PlatformFactory.SendAsync(factory)).Failed);   // tried again: the client is still missing from the directory
        Assert.Empty(standIn.Flows.Violations);
    }

    [Fact]
    public async Task TheMonthsEReporting_GoesToThePlatform_OnceAsFrrFlows()
    {
        using var factory = new PlatformFactory(standIn);
        var world = await Ledger.Books.OpenAsync(factory);
        var person = await Sales.ClientAsync(factory, Clients.ClientTests.FrenchCompany(string.Empty, "Camille Durand") with { Kind = "Person", LegalForm = null, Siren = null, Siret = null });
        var sold = await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, person.Id, ("Cours de chant", "2", "HUR", "45", null)));
        var files = await factory.InScopeAsync(s => s.GetRequiredService<BuildEReport>().HandleAsync(sold.EntityCode, "2026-11", Actor.System));
        Assert.True(files.Queued);
        await factory.InScopeAsync(s => s.GetRequiredService<BuildEReport>().HandleAsync(sold.EntityCode, "2026-11", Actor.System));   // asked twice: queued once
        Assert.Equal(2, (await PlatformFactory.SendAsync(factory)).Submitted);
        var held = standIn.Platform.Submitted.Where(f => f.Syntax == "FRR").OrderBy(f => f.TrackingId, StringComparer.Ordinal).ToList();
        Assert.Equal([$"EREPORT-{sold.EntityCode}-2026-11-P", $"EREPORT-{sold.EntityCode}-2026-11-T"], held.Select(f => f.TrackingId));
        Assert.Equal("B2C", held[1].ProcessingRule);
        Assert.Contains("<TypeCode>IN</TypeCode>", Encoding.UTF8.GetString(held[1].Content), StringComparison.Ordinal);
        Assert.Equal(0, (await PlatformFactory.SendAsync(factory)).Submitted);
        Assert.Empty(standIn.Flows.Violations);
    }

    [Fact]
    public async Task TwoServersSendingAtOnce_OnPostgres_EachInvoiceReachesThePlatformOnce()
    {
        using var factory = new PlatformFactory(standIn, Provider.Postgres);
        var world = await Ledger.Books.OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        standIn.Platform.Directory[client.Siren!] = client.Siren + "_FACTURES";
        var numbers = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            numbers.Add((await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ($"Concert {i}", "1", "C62", "500", null)))).Number!);
        }

        // Two "servers": two sending rounds, each with its own unit of work, at the same time on one database.
        var rounds = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => PlatformFactory.SendAsync(factory))));
        Assert.Equal(4, rounds.Sum(r => r.Submitted) + (await PlatformFactory.SendAsync(factory)).Submitted);
        Assert.Equal(numbers.Order(StringComparer.Ordinal), standIn.Platform.Submitted.Where(f => numbers.Contains(f.TrackingId!)).Select(f => f.TrackingId!).Order(StringComparer.Ordinal));
        Assert.Empty(standIn.Flows.Violations);
    }

    [Fact]
    public async Task Prism_RefusesARequestThatDoesNotFollowTheStandard()
    {
        // Without this, "no 422 from Prism" would prove nothing: a flowInfo without its name is refused before the platform sees it.
        using var http = new HttpClient();
        using var form = AfnorPlatform.Multipart("{\"flowSyntax\":\"Factur-X\"}", new FlowSubmission("f.pdf", "Factur-X", "CIUS", "B2B", "T-1", [1, 2, 3], "application/pdf"));
        using var request = new HttpRequestMessage(HttpMethod.Post, standIn.Flows.Url + "/v1/flows") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", $"token-{ScriptedPlatform.ClientId}");
        var before = standIn.Platform.Flows.Count;
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("must have required property 'name'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, standIn.Platform.Flows.Count);
    }

    private static Task<InvoiceView> ViewAsync(PartageFactory factory, Partage.Kernel.InvoiceId id, Actor? actor = null) =>
        factory.InScopeAsync(s => s.GetRequiredService<GetInvoice>().HandleAsync(id, actor ?? Actor.System));

    private static async Task<HttpResponseMessage> CallBackAsync(HttpClient http, string entity, string body, long timestamp, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/einvoicing/webhook/{entity}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Afnor-Signature", signature);
        request.Headers.Add("Afnor-Signature-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        return await http.SendAsync(request);
    }

    /// <summary>A status given to one of Partage's invoices by the client (BY) or its platform (WK), written by hand as another system would.</summary>
    private static byte[] ClientStatus(PartageFactory factory, string number, string sellerSiren, string buyerSiren, int code, string sender, string? reasonCode = null, string? reason = null) =>
        ClientStatusAt(factory.Clock.GetUtcNow().AddMinutes(code - 200), number, sellerSiren, buyerSiren, code, sender, reasonCode, reason);

    private static byte[] ClientStatusAt(DateTimeOffset at, string number, string sellerSiren, string buyerSiren, int code, string sender, string? reasonCode, string? reason) =>
        Encoding.UTF8.GetBytes($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <rsm:CrossDomainAcknowledgementAndResponse xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossDomainAcknowledgementAndResponse:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100" xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100">
              <rsm:ExchangedDocumentContext>
                <ram:BusinessProcessSpecifiedDocumentContextParameter><ram:ID>REGULATED</ram:ID></ram:BusinessProcessSpecifiedDocumentContextParameter>
                <ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn.cpro.gouv.fr:1p0:CDV:invoice</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>
              </rsm:ExchangedDocumentContext>
              <rsm:ExchangedDocument>
                <ram:ID>{number}-CDV-{code}</ram:ID>
                <ram:IssueDateTime><udt:DateTimeString format="204">{at.UtcDateTime:yyyyMMddHHmmss}</udt:DateTimeString></ram:IssueDateTime>
                <ram:SenderTradeParty><ram:RoleCode>{sender}</ram:RoleCode></ram:SenderTradeParty>
                <ram:IssuerTradeParty><ram:GlobalID schemeID="0002">{buyerSiren}</ram:GlobalID><ram:RoleCode>BY</ram:RoleCode></ram:IssuerTradeParty>
                <ram:RecipientTradeParty><ram:GlobalID schemeID="0002">{sellerSiren}</ram:GlobalID><ram:RoleCode>SE</ram:RoleCode><ram:URIUniversalCommunication><ram:URIID schemeID="0225">{sellerSiren}</ram:URIID></ram:URIUniversalCommunication></ram:RecipientTradeParty>
              </rsm:ExchangedDocument>
              <rsm:AcknowledgementDocument>
                <ram:MultipleReferencesIndicator><udt:Indicator>false</udt:Indicator></ram:MultipleReferencesIndicator>
                <ram:TypeCode>23</ram:TypeCode>
                <ram:IssueDateTime><udt:DateTimeString format="204">{at.UtcDateTime:yyyyMMddHHmmss}</udt:DateTimeString></ram:IssueDateTime>
                <ram:ReferenceReferencedDocument>
                  <ram:IssuerAssignedID>{number}</ram:IssuerAssignedID>
                  <ram:TypeCode>380</ram:TypeCode>
                  <ram:FormattedIssueDateTime><qdt:DateTimeString format="102">20261126</qdt:DateTimeString></ram:FormattedIssueDateTime>
                  <ram:ProcessConditionCode>{code}</ram:ProcessConditionCode>
                  <ram:IssuerTradeParty><ram:GlobalID schemeID="0002">{sellerSiren}</ram:GlobalID><ram:RoleCode>SE</ram:RoleCode></ram:IssuerTradeParty>
                  {(reasonCode is null ? string.Empty : $"<ram:SpecifiedDocumentStatus><ram:ReasonCode>{reasonCode}</ram:ReasonCode><ram:Reason>{reason}</ram:Reason><ram:SequenceNumeric>1</ram:SequenceNumeric></ram:SpecifiedDocumentStatus>")}
                </ram:ReferenceReferencedDocument>
              </rsm:AcknowledgementDocument>
            </rsm:CrossDomainAcknowledgementAndResponse>
            """);
}
