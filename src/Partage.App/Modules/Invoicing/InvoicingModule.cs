using System.Numerics;
using System.Text.Json;
using Partage.App.Infrastructure.Http;
using Partage.App.Infrastructure.Scheduling;
using Partage.App.Modules.Clients;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Invoicing;

public static class InvoicingModule
{
    public static IServiceCollection AddInvoicing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InvoicingOptions>().Bind(configuration.GetSection("Invoicing"));
        return services.AddScoped<IInvoicingApi, InvoicingApi>()
            .AddScoped<Features.InvoiceViews>()
            .AddScoped<Features.Drafts>()
            .AddScoped<Features.Issuing>()
            .AddScoped<Features.Sending>()
            .AddScoped<Features.Payments>()
            .AddScoped<Features.BankStatements>()
            .AddScoped<GuaranteeFund>()
            .AddScoped<Quotes>()
            .AddScoped<Dunning>()
            .AddScheduledWork<DunningWork>(DunningWork.Key, "Relances des factures échues", "0 0 8 ? * MON-FRI")
            .AddScoped<FacturX.InvoiceDocuments>()
            .AddScoped<FacturX.InvoiceArchive>();
    }

    public static void MapInvoicingEndpoints(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var invoices = api.MapGroup("/invoices").WithTags("Factures");
        invoices.MapGet("/", async (string? status, Guid? activity, int? page, int? size, Features.InvoiceViews views, ActorAccessor actors, CancellationToken ct) =>
                await views.SearchAsync(status, activity is { } a ? ActivityId.From(a) : null, new Infrastructure.PageRequest(page, size), await actors.GetAsync(ct), ct))
            .WithName("SearchInvoices").WithSummary("Factures et avoirs visibles (statut, activité)");
        invoices.MapPost("/", async (Features.DraftInput input, Features.Drafts drafts, ActorAccessor actors, CancellationToken ct) =>
            {
                var invoice = await drafts.CreateAsync(input, await actors.GetAsync(ct), ct);
                return Results.Created($"/api/v1/invoices/{invoice.Id}", invoice);
            })
            .WithName("CreateInvoiceDraft").WithSummary("Nouveau brouillon de facture").ProducesProblems();
        invoices.MapGet("/{id:guid}", async (Guid id, Features.InvoiceViews views, ActorAccessor actors, CancellationToken ct) =>
                await views.OneAsync(InvoiceId.From(id), await actors.GetAsync(ct), ct))
            .WithName("GetInvoice").WithSummary("Une facture ou un avoir").ProducesProblems();
        invoices.MapPut("/{id:guid}", async (Guid id, Features.DraftInput input, Features.Drafts drafts, ActorAccessor actors, CancellationToken ct) =>
                await drafts.UpdateAsync(InvoiceId.From(id), input, await actors.GetAsync(ct), ct))
            .WithName("UpdateInvoiceDraft").WithSummary("Modifier un brouillon").ProducesProblems();
        invoices.MapPost("/{id:guid}/issue", async (Guid id, Features.Issuing issuing, ActorAccessor actors, CancellationToken ct) =>
                await issuing.IssueAsync(InvoiceId.From(id), await actors.GetAsync(ct), ct))
            .WithName("IssueInvoice").WithSummary("Émettre (ou soumettre à validation au-delà du seuil)").ProducesProblems();
        invoices.MapPost("/{id:guid}/send", async (Guid id, Features.Sending sending, ActorAccessor actors, CancellationToken ct) =>
                await sending.SendAsync(InvoiceId.From(id), await actors.GetAsync(ct), ct))
            .WithName("SendInvoice").WithSummary("Envoyer une facture ou un avoir émis au client par e-mail (PDF Factur-X joint)").ProducesProblems();
        invoices.MapPost("/{id:guid}/validate", async (Guid id, Features.Issuing issuing, ActorAccessor actors, CancellationToken ct) =>
                await issuing.ValidateAsync(InvoiceId.From(id), await actors.GetAsync(ct), ct))
            .WithName("ValidateInvoice").WithSummary("Valider et émettre une facture en attente (chargé d'accompagnement, finance)").ProducesProblems();
        invoices.MapPost("/{id:guid}/credit-note", async (Guid id, CreditNoteInput input, Features.Issuing issuing, ActorAccessor actors, CancellationToken ct) =>
            {
                var note = await issuing.CreditAsync(InvoiceId.From(id), input.Reason, await actors.GetAsync(ct), ct);
                return Results.Created($"/api/v1/invoices/{note.Id}", note);
            })
            .WithName("CreditInvoice").WithSummary("Annuler une facture émise par un avoir").ProducesProblems();
        invoices.MapPost("/{id:guid}/payments", async (Guid id, Features.PaymentInput input, Features.Payments payments, ActorAccessor actors, CancellationToken ct) =>
                await payments.RecordAsync(InvoiceId.From(id), input, await actors.GetAsync(ct), ct))
            .WithName("RecordInvoicePayment").WithSummary("Enregistrer un paiement (finance)").ProducesProblems();
        invoices.MapGet("/{id:guid}/factur-x.xml", async (Guid id, FacturX.InvoiceDocuments documents, ActorAccessor actors, CancellationToken ct) =>
                await documents.FindAsync(InvoiceId.From(id), await actors.GetAsync(ct), ct) is { } doc
                    ? Results.File(FacturX.CiiWriter.Write(doc), "application/xml", $"{doc.FileStem}.xml")
                    : Results.Problem(statusCode: 409, title: "Un brouillon n'a pas encore de facture électronique.", extensions: new Dictionary<string, object?> { ["code"] = "invoicing.not_issued" }))
            .WithName("GetInvoiceCii").WithSummary("XML CII (Factur-X EN 16931) d'une facture émise").ProducesProblems();
        invoices.MapGet("/{id:guid}/pdf", async (Guid id, FacturX.InvoiceDocuments documents, ActorAccessor actors, TimeProvider clock, CancellationToken ct) =>
                await documents.FindAsync(InvoiceId.From(id), await actors.GetAsync(ct), ct) is { } doc
                    ? Results.File(FacturX.FacturXPdf.Write(doc), "application/pdf", $"{doc.FileStem}.pdf")
                    : Results.Problem(statusCode: 409, title: "Un brouillon n'a pas encore de facture électronique.", extensions: new Dictionary<string, object?> { ["code"] = "invoicing.not_issued" }))
            .WithName("GetInvoicePdf").WithSummary("Facture Factur-X (PDF/A-3 avec factur-x.xml)").ProducesProblems();
        invoices.MapPost("/{id:guid}/cover", async (Guid id, GuaranteeFund fund, ActorAccessor actors, CancellationToken ct) =>
            {
                await fund.CoverAsync(InvoiceId.From(id), await actors.GetAsync(ct), ct);
                return Results.NoContent();
            })
            .WithName("CoverInvoice").WithSummary("Faire couvrir une facture impayée par le fonds de garantie (finance)").ProducesProblems();
        invoices.MapPost("/{id:guid}/write-off", async (Guid id, CreditNoteInput input, GuaranteeFund fund, ActorAccessor actors, CancellationToken ct) =>
            {
                await fund.WriteOffAsync(InvoiceId.From(id), input.Reason, await actors.GetAsync(ct), ct);
                return Results.NoContent();
            })
            .WithName("WriteOffInvoice").WithSummary("Passer en perte une facture couverte (finance)").ProducesProblems();
        api.MapPost("/dunning/run", async (Dunning dunning, ActorAccessor actors, CancellationToken ct) => await dunning.RunAsync(await actors.GetAsync(ct), ct))
            .WithTags("Factures").WithName("RunDunning").WithSummary("Relancer les factures échues selon le calendrier (finance)").ProducesProblems();
        invoices.MapPost("/{id:guid}/dispute", async (Guid id, CreditNoteInput input, Dunning dunning, ActorAccessor actors, CancellationToken ct) =>
            {
                await dunning.DisputeAsync(InvoiceId.From(id), input.Reason, await actors.GetAsync(ct), ct);
                return Results.NoContent();
            })
            .WithName("DisputeInvoice").WithSummary("Enregistrer un litige (les relances s'arrêtent) ; sans motif, le clore").ProducesProblems();
        var quotes = api.MapGroup("/quotes").WithTags("Factures");
        quotes.MapGet("/", async (Quotes q, ActorAccessor actors, CancellationToken ct) => await q.ListAsync(await actors.GetAsync(ct), ct))
            .WithName("ListQuotes").WithSummary("Devis visibles");
        quotes.MapPost("/", async (QuoteInput input, Quotes q, ActorAccessor actors, CancellationToken ct) =>
            {
                var quote = await q.CreateAsync(input, await actors.GetAsync(ct), ct);
                return Results.Created($"/api/v1/quotes/{quote.Id}", quote);
            })
            .WithName("CreateQuote").WithSummary("Nouveau devis").ProducesProblems();
        quotes.MapGet("/{id:guid}", async (Guid id, Quotes q, ActorAccessor actors, CancellationToken ct) => await q.FindAsync(id, await actors.GetAsync(ct), ct))
            .WithName("GetQuote").WithSummary("Un devis").ProducesProblems();
        quotes.MapPost("/{id:guid}/send", async (Guid id, Quotes q, ActorAccessor actors, CancellationToken ct) =>
                new { Link = await q.SendAsync(id, await actors.GetAsync(ct), ct) })
            .WithName("SendQuote").WithSummary("Envoyer le devis au client (e-mail avec lien de réponse signé)").ProducesProblems();
        quotes.MapPost("/{id:guid}/invoice", async (Guid id, Quotes q, ActorAccessor actors, CancellationToken ct) =>
                await q.InvoiceAsync(id, await actors.GetAsync(ct), ct))
            .WithName("InvoiceQuote").WithSummary("Émettre la facture d'un devis accepté").ProducesProblems();
        api.MapGet("/guarantee-fund", async (GuaranteeFund fund, ActorAccessor actors, CancellationToken ct) =>
            {
                var s = await fund.SummaryAsync(await actors.GetAsync(ct), ct);
                return new
                {
                    Entities = s.Entities.Select(e => new { e.Entity, e.Balance, e.Exposure }),
                    ByClient = s.ByClient.Select(c => new { c.Client, c.Exposure }),
                    ByOffice = s.ByOffice.Select(o => new { o.Office, o.Exposure }),
                    s.History,
                };
            })
            .WithTags("Factures").WithName("GuaranteeFund").WithSummary("Fonds de garantie : solde, exposition par client et bureau, historique (finance)").ProducesProblems();
        var statements = api.MapGroup("/bank-statements").WithTags("Factures");
        statements.MapPost("/", async (HttpRequest request, Features.BankStatements bank, ActorAccessor actors, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                if (!InvoicingAccess.KeepsAccounts(actor))
                {
                    throw new DomainException(InvoicingErrors.NotFound);
                }

                var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
                var file = form?.Files.GetFile("file")
                    ?? throw new InputValidationException(new Dictionary<string, string[]> { ["File"] = ["Joignez le relevé camt.053 (champ « file »)."] });
                await using var stream = file.OpenReadStream();
                return await bank.ImportAsync(form["entity"], stream, actor, ct);
            })
            .DisableAntiforgery()
            .WithName("ImportBankStatement").WithSummary("Importer un relevé camt.053 (.001.02 ou .001.08) : rapprochement des paiements (finance)").ProducesProblems();
        statements.MapGet("/unmatched", async (int? page, int? size, Features.BankStatements bank, ActorAccessor actors, CancellationToken ct) =>
                await bank.UnmatchedAsync(new Infrastructure.PageRequest(page, size), await actors.GetAsync(ct), ct))
            .WithName("UnmatchedBankLines").WithSummary("Encaissements à identifier (finance)").ProducesProblems();
        statements.MapPost("/lines/{id:guid}/match", async (Guid id, Features.MatchInput input, Features.BankStatements bank, ActorAccessor actors, CancellationToken ct) =>
            {
                await bank.MatchAsync(id, input, await actors.GetAsync(ct), ct);
                return Results.NoContent();
            })
            .WithName("MatchBankLine").WithSummary("Affecter un encaissement à une facture (finance)").ProducesProblems();
        api.MapGet("/vat-rules", () => VatRules.All)
            .WithTags("Factures").WithName("ListVatRules").WithSummary("Traitements de TVA datés, avec leur base légale");
    }
}

public sealed record CreditNoteInput(string? Reason);
