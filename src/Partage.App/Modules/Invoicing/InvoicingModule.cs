using System.Numerics;
using System.Text.Json;
using Partage.App.Infrastructure.Http;
using Partage.App.Infrastructure.Scheduling;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Clients;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Invoicing;

/// <summary>Invoicing settings (section "Invoicing"); the defaults suit the demo.</summary>
public sealed class InvoicingOptions
{
    /// <summary>A member's invoice whose total incl. VAT is above this waits for the activity manager's validation.</summary>
    public long ValidationThresholdCents { get; set; } = 500_000;

    public int PaymentTermsDays { get; set; } = 30;

    /// <summary>The account clients pay into (printed on invoices, BT-84).</summary>
    public string Iban { get; set; } = string.Empty;

    public string Bic { get; set; } = string.Empty;

    public string LatePenaltyText { get; set; } =
        "En cas de retard de paiement : pénalités au taux de refinancement de la BCE majoré de 10 points (art. L441-10 du code de commerce)";

    public string RecoveryIndemnityText { get; set; } =
        "Indemnité forfaitaire pour frais de recouvrement due en cas de retard : 40 € (art. D441-5 du code de commerce)";

    public string DiscountText { get; set; } = "Pas d'escompte pour paiement anticipé";

    /// <summary>The dunning schedule as configured; empty means <see cref="DunningSchedule"/>'s default.</summary>
    public List<DunningStepOption> Dunning { get; set; } = [];

    /// <summary>The schedule in force: reminders at due date + 5 and + 15 days and a formal notice at + 30, unless configured.</summary>
    public IReadOnlyList<DunningStepOption> DunningSchedule => Dunning.Count > 0 ? Dunning :
    [
        new() { DaysAfterDue = 5, Kind = DunningKind.Reminder },
        new() { DaysAfterDue = 15, Kind = DunningKind.Reminder },
        new() { DaysAfterDue = 30, Kind = DunningKind.FormalNotice },
    ];

    /// <summary>Days after the due date from which finance may have the guarantee fund cover an unpaid invoice.</summary>
    public int GuaranteeFundDelayDays { get; set; } = 30;
}

/// <summary>A line of an invoice another module issues (its net already rounded to the cent), with the code of its VAT treatment.</summary>
public sealed record ExternalInvoiceLine(string Description, decimal Quantity, string Unit, decimal UnitPrice, string VatCode, Money Net);

/// <summary>
/// An invoice another module issued under its own number series (the contract-management invoices),
/// to be printed as Factur-X like the others; a credit note names the invoice it cancels.
/// </summary>
public sealed record ExternalInvoice(
    LegalEntityId Seller, InvoiceParty Buyer, string Number, DateOnly IssueDate, DateOnly DueDate, DateOnly ServiceFrom, DateOnly ServiceTo,
    IReadOnlyList<ExternalInvoiceLine> Lines, string PaymentReference, string? BuyerReference, string? CreditedNumber = null, DateOnly? CreditedIssueDate = null,
    string? CreditReason = null);

/// <summary>What other modules use of invoicing: the Factur-X document, the totals by EN 16931, the RF payment reference.</summary>
public interface IInvoicingApi
{
    /// <summary>The Factur-X PDF/A-3 (CII XML embedded, EN 16931 profile) of an invoice.</summary>
    Task<byte[]> FacturXAsync(ExternalInvoice invoice, CancellationToken ct = default);

    /// <summary>Net, VAT per rate and total as EN 16931 computes them for these lines.</summary>
    Money TotalWithVat(IReadOnlyList<ExternalInvoiceLine> lines);

    /// <summary>The ISO 11649 creditor reference (RF…) of an invoice number, by which bank statements are matched.</summary>
    string PaymentReference(string invoiceNumber);

    /// <summary>A line of sums advanced for the buyer and re-invoiced at cost (débours, outside the VAT base).</summary>
    ExternalInvoiceLine Disbursement(string description, Money amount);

    /// <summary>A service line at the standard French VAT rate.</summary>
    ExternalInvoiceLine StandardRated(string description, Money net);

    /// <summary>The standard French VAT rate on a date, as a fraction (0.20).</summary>
    decimal StandardVatRate(DateOnly on);
}

internal sealed class InvoicingApi(ILegalEntitiesApi entities, Microsoft.Extensions.Options.IOptions<InvoicingOptions> options) : IInvoicingApi
{
    public async Task<byte[]> FacturXAsync(ExternalInvoice invoice, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var seller = (await entities.ListAsync(ct)).Single(e => e.Id == invoice.Seller);
        var lines = invoice.Lines.Select((l, i) => new FacturX.DocumentLine(i + 1, l.Description, l.Quantity, l.Unit, l.UnitPrice, Rule(l.VatCode, invoice.IssueDate), l.Net)).ToList();
        var parties = new InvoiceParties(
            new InvoiceParty(seller.Name, seller.LegalForm, seller.Siren, null, seller.VatNumber, seller.Street, null, seller.PostalCode, seller.City, seller.Country, seller.Siren, null),
            invoice.Buyer, BuyerIsBusiness: true);
        var document = new FacturX.InvoiceDocument(invoice.CreditedNumber is null ? InvoiceKind.Invoice : InvoiceKind.CreditNote, invoice.Number, invoice.IssueDate, invoice.DueDate,
            invoice.ServiceFrom, invoice.ServiceTo, parties, lines, InvoiceCalculator.Totals(lines.Select(l => (l.Net.Cents, l.Rule))), invoice.PaymentReference, invoice.BuyerReference,
            invoice.CreditedNumber is null ? null : invoice.CreditReason, invoice.CreditedNumber, invoice.CreditedIssueDate, options.Value);
        return FacturX.FacturXPdf.Write(document);
    }

    public Money TotalWithVat(IReadOnlyList<ExternalInvoiceLine> lines) =>
        InvoiceCalculator.Totals(lines.Select(l => (l.Net.Cents, Rule(l.VatCode, null)))).Gross;

    public string PaymentReference(string invoiceNumber) => CreditorReference.For(invoiceNumber);

    public ExternalInvoiceLine Disbursement(string description, Money amount) => new(description, 1, "C62", amount.Amount, VatRules.Disbursement, amount);

    public ExternalInvoiceLine StandardRated(string description, Money net) => new(description, 1, "C62", net.Amount, VatRules.Standard, net);

    public decimal StandardVatRate(DateOnly on) => Rule(VatRules.Standard, on).RatePercent / 100m;

    private static VatRule Rule(string code, DateOnly? on) =>
        VatRules.All.FirstOrDefault(r => r.Code == code && (on is not { } date || r.IsValidOn(date))) ?? throw new ArgumentException($"Unknown VAT treatment {code}.", nameof(code));
}

/// <summary>A party of an issued invoice, as printed: frozen at issue.</summary>
public sealed record InvoiceParty(
    string Name, string? LegalForm, string? Siren, string? Siret, string? VatNumber, string Line1, string? Line2, string PostalCode, string City,
    string Country, string? ElectronicAddress, string? Email);

public sealed record InvoiceParties(InvoiceParty Seller, InvoiceParty Buyer, bool BuyerIsBusiness)
{
    public static InvoiceParties Of(LegalEntityView seller, ClientView buyer) => new(
        new InvoiceParty(seller.Name, seller.LegalForm, seller.Siren, null, seller.VatNumber, seller.Street, null, seller.PostalCode, seller.City, seller.Country, seller.Siren, null),
        new InvoiceParty(buyer.Name, buyer.LegalForm, buyer.Siren, buyer.Siret, buyer.VatNumber, buyer.AddressLine1, buyer.AddressLine2, buyer.PostalCode, buyer.City,
            buyer.Country, buyer.ElectronicAddress, buyer.BillingEmail),
        buyer.IsBusiness);

    public string ToJson() => JsonSerializer.Serialize(this);

    public static InvoiceParties FromJson(string json) => JsonSerializer.Deserialize<InvoiceParties>(json)
        ?? throw new InvalidOperationException("An issued invoice without its parties.");
}

public static class InvoicingErrors
{
    public static readonly ErrorCode NotFound = new("invoicing.not_found", "Cette facture n'existe pas.", ErrorKind.NotFound);
    public static readonly ErrorCode NotDraft = new("invoicing.not_draft", "Une facture émise ne se modifie plus : annulez-la par un avoir.", ErrorKind.Conflict);
    public static readonly ErrorCode NoLines = new("invoicing.no_lines", "La facture n'a aucune ligne.");
    public static readonly ErrorCode ClientIncomplete = new("invoicing.client_incomplete", "Le client n'a pas les informations qu'une facture exige.");
    public static readonly ErrorCode ActivityInactive = new("invoicing.activity_inactive", "On ne facture que pour une activité active.");
    public static readonly ErrorCode NotPending = new("invoicing.not_pending", "Cette facture n'attend pas de validation.", ErrorKind.Conflict);
    public static readonly ErrorCode NotIssued = new("invoicing.not_issued", "Seule une facture émise et non soldée reçoit un paiement ou un avoir.", ErrorKind.Conflict);
    public static readonly ErrorCode PaymentTooLarge = new("invoicing.payment_too_large", "Le paiement dépasse le reste à payer de la facture.");
    public static readonly ErrorCode CoverTooEarly = new("invoicing.cover_too_early", "Cette facture n'est pas encore assez en retard pour le fonds de garantie.");
    public static readonly ErrorCode OrderNotConfirmed = new("invoicing.order_not_confirmed", "Le fonds de garantie ne couvre qu'une commande confirmée (bon de commande signé ou devis accepté) : cette facture n'en cite aucun.");
    public static readonly ErrorCode NotCovered = new("invoicing.not_covered", "Cette facture n'est pas couverte par le fonds de garantie.", ErrorKind.Conflict);
    public static readonly ErrorCode QuoteAnswered = new("invoicing.quote_answered", "Ce devis a déjà reçu une réponse.", ErrorKind.Conflict);
    public static readonly ErrorCode QuoteNotAccepted = new("invoicing.quote_not_accepted", "Seul un devis accepté devient une facture.", ErrorKind.Conflict);
    public static readonly ErrorCode QuoteLinkInvalid = new("invoicing.quote_link_invalid", "Ce lien n'est pas valable ou a expiré : demandez un nouveau devis.", ErrorKind.NotFound);
    public static readonly ErrorCode LineNotFound = new("invoicing.bank_line_not_found", "Cette ligne de relevé n'existe pas ou est déjà rapprochée.", ErrorKind.NotFound);
    public static readonly ErrorCode NotSendable = new("invoicing.not_sendable", "Seule une facture ou un avoir émis s'envoie au client.", ErrorKind.Conflict);
    public static readonly ErrorCode CreditAfterPayment = new("invoicing.credit_after_payment", "Cette facture a déjà reçu des paiements : l'avoir total n'est pas possible.", ErrorKind.Conflict);
}

public static class InvoicingAccess
{
    /// <summary>Who may write a draft or ask to issue it: the member of the activity, their office's manager, finance and administration.</summary>
    public static bool CanEdit(Actor actor, ActivityView activity) =>
        actor.IsAdmin || actor.IsInRole(Roles.Finance) || actor.IsManagerOf(activity.OfficeId) || actor.MemberId == activity.MemberId;

    /// <summary>Who may validate an invoice above the threshold: the office's manager, finance, administration.</summary>
    public static bool CanValidate(Actor actor, ActivityView activity) =>
        actor.IsAdmin || actor.IsInRole(Roles.Finance) || actor.IsManagerOf(activity.OfficeId);

    public static bool KeepsAccounts(Actor actor) => actor.IsAdmin || actor.IsInRole(Roles.Finance);

    public static IQueryable<Invoice> Visible(this IQueryable<Invoice> invoices, Actor actor)
    {
        if (actor.IsCooperativeStaff)
        {
            return invoices;
        }

        if (actor.IsInRole(Roles.Manager) && actor.ManagedOfficeId is { } office)
        {
            return invoices.Where(i => i.OfficeId == office);
        }

        return actor.MemberId is { } member ? invoices.Where(i => i.MemberId == member) : invoices.Where(_ => false);
    }
}

/// <summary>ISO 11649 structured creditor reference ("RF" + 2 check digits + up to 21 characters).</summary>
public static class CreditorReference
{
    public static string For(string reference)
    {
        var body = new string(reference.Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
        if (body.Length is 0 or > 21)
        {
            throw new ArgumentException("A creditor reference carries 1 to 21 letters or digits.", nameof(reference));
        }

        return $"RF{98 - Mod97(body + "RF00"):D2}{body}";
    }

    public static bool IsValid(string? candidate)
    {
        var text = new string((candidate ?? string.Empty).Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
        return text.Length is >= 5 and <= 25 && text.StartsWith("RF", StringComparison.Ordinal) && char.IsAsciiDigit(text[2]) && char.IsAsciiDigit(text[3])
            && Mod97(text[4..] + text[..4]) == 1;
    }

    private static int Mod97(string text)
    {
        var digits = string.Concat(text.Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return (int)(BigInteger.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) % 97);
    }
}

public static class InvoicingEndpoints
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
