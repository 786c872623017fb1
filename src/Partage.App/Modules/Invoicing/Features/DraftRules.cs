using Microsoft.Extensions.Options;
using Partage.App.Infrastructure;
using Partage.App.Modules.Clients;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Invoicing.Features;

public sealed record InvoiceLineInput(string? Description, string? Quantity, string? Unit, string? UnitPrice, string? VatCode);

public sealed record DraftInput(
    string? ActivityId, string? ClientId, string? ServiceFrom, string? ServiceTo, string? BuyerReference, string? PurchaseOrder, int? PaymentTermsDays,
    IReadOnlyList<InvoiceLineInput>? Lines);

/// <summary>
/// The rules a draft invoice's content obeys, shared by its creation, its update and the quote
/// (same lines, same VAT): every field checked, each line's net computed, the term within the law.
/// </summary>
public sealed class DraftRules(IClientsApi clients, IOptions<InvoicingOptions> options, TimeProvider clock)
{
    private static readonly string[] Units = ["C62", "HUR", "DAY"];

    /// <summary>A draft's content once every field is checked.</summary>
    internal sealed record DraftContent(DateOnly From, DateOnly To, string? BuyerReference, string? PurchaseOrder, int Terms, IReadOnlyList<InvoiceLine> Lines, InvoiceTotals Totals);

    /// <summary>
    /// Checks every field of a draft (or a quote), computes each line's net and applies the VAT treatment the client imposes.
    /// The client must be in the actor's directory (a member's: the clients they work for); once the draft is valid, it
    /// enters the directory of the member the activity belongs to.
    /// </summary>
    internal async Task<(ClientView Client, DraftContent Content)> CheckAsync(DraftInput input, Actor actor, MemberId member, CancellationToken ct)
    {
        var v = new Validation();
        var clientId = v.Id<ClientId>(nameof(input.ClientId), "Le client", input.ClientId, required: true);
        var today = clock.Today();
        var from = v.Date(nameof(input.ServiceFrom), "La date de la prestation", input.ServiceFrom, required: true);
        var to = v.Date(nameof(input.ServiceTo), "La fin de la prestation", input.ServiceTo, required: false) ?? from;
        if (from is not null && to < from)
        {
            v.Add(nameof(input.ServiceTo), "La fin de la prestation précède son début.");
        }

        var buyerReference = v.Optional(nameof(input.BuyerReference), "La référence du client", input.BuyerReference, 100);
        var purchaseOrder = v.Optional(nameof(input.PurchaseOrder), "Le bon de commande", input.PurchaseOrder, 100);
        var terms = Terms(v, input.PaymentTermsDays ?? options.Value.PaymentTermsDays, today);

        var client = clientId is { } cid ? await clients.FindVisibleAsync(cid, actor, ct) : null;
        if (clientId is not null && client is null)
        {
            v.Add(nameof(input.ClientId), "Ce client n'existe pas.");
        }

        var imposed = client is null ? null : VatRules.ImposedCode(VatRules.RegimeFor(client));
        var (lines, rules) = CheckLines(v, input.Lines, imposed, from ?? today);
        v.ThrowIfInvalid();
        await clients.LinkMemberAsync(client!.Id, member, ct);
        return (client, new DraftContent(from!.Value, to!.Value, buyerReference, purchaseOrder, terms, lines, InvoiceCalculator.Totals(rules)));
    }

    /// <summary>
    /// Each filled row checked and priced, with the VAT rule in force on <paramref name="on"/> (the one the
    /// client imposes, or a standard-category rate chosen on the line); rows left wholly empty are ignored.
    /// </summary>
    private static (List<InvoiceLine> Lines, List<(long, VatRule)> Rules) CheckLines(Validation v, IReadOnlyList<InvoiceLineInput>? input, string? imposed, DateOnly on)
    {
        var lines = new List<InvoiceLine>();
        var rules = new List<(long, VatRule)>();
        var rows = (input ?? []).Where(l => !string.IsNullOrWhiteSpace(l.Description) || !string.IsNullOrWhiteSpace(l.Quantity) || !string.IsNullOrWhiteSpace(l.UnitPrice)).ToList();
        if (rows.Count == 0)
        {
            v.Add(nameof(DraftInput.Lines), "Ajoutez au moins une ligne (désignation, quantité, prix unitaire).");
        }

        foreach (var (row, i) in rows.Select((r, i) => (r, i)))
        {
            var field = $"Lines[{i}]";
            var description = v.Required($"{field}.Description", $"Ligne {i + 1} : la désignation", row.Description, 500);
            var quantity = Number(v, $"{field}.Quantity", $"Ligne {i + 1} : la quantité", row.Quantity);
            var price = Number(v, $"{field}.UnitPrice", $"Ligne {i + 1} : le prix unitaire HT", row.UnitPrice);
            var unit = string.IsNullOrWhiteSpace(row.Unit) ? "C62" : row.Unit.Trim().ToUpperInvariant();
            if (!Units.Contains(unit))
            {
                v.Add($"{field}.Unit", $"Ligne {i + 1} : l'unité est C62 (unité), HUR (heure) ou DAY (jour).");
            }

            var code = imposed ?? (string.IsNullOrWhiteSpace(row.VatCode) ? VatRules.Standard : row.VatCode.Trim());
            var rule = VatRules.All.FirstOrDefault(r => r.Code == code && r.IsValidOn(on) && (imposed is not null || r.Category == "S"));
            if (rule is null)
            {
                v.Add($"{field}.VatCode", $"Ligne {i + 1} : ce taux de TVA n'existe pas ou n'est pas en vigueur à cette date.");
            }

            if (description.Length > 0 && quantity is { } q && price is { } p && rule is not null)
            {
                if (q * p > Money.Max.Amount)
                {
                    v.Add($"{field}.UnitPrice", $"Ligne {i + 1} : le montant de la ligne ne peut pas dépasser {Money.Max.ToDisplayString()}.");
                    continue;
                }

                var net = InvoiceCalculator.LineNetCents(q, p);
                lines.Add(new InvoiceLine { Id = Guid.CreateVersion7(), Position = i + 1, Description = description, Quantity = q, Unit = unit, UnitPrice = p, VatCode = rule.Code, NetCents = net }.Freeze(rule));
                rules.Add((net, rule));
            }
        }

        if (rules.Sum(r => r.Item1) > Money.MaxCents)
        {
            v.Add(nameof(DraftInput.Lines), $"Le total de la facture ne peut pas dépasser {Money.Max.ToDisplayString()} HT.");
        }

        return (lines, rules);
    }

    /// <summary>The payment term, within the legal maximum in force.</summary>
    private static int Terms(Validation v, int terms, DateOnly today)
    {
        var limit = PaymentTermsLimits.On(today);
        if (terms < 0 || terms > limit.MaxDays)
        {
            v.Add(nameof(DraftInput.PaymentTermsDays), $"Le délai de paiement va de 0 à {limit.MaxDays} jours ({limit.LegalBasis}).");
        }

        return terms;
    }

    /// <summary>Writes checked content on the invoice: its dates, references, term, lines and totals.</summary>
    internal static void Apply(Invoice invoice, DraftContent content)
    {
        invoice.ServiceFrom = content.From;
        invoice.ServiceTo = content.To;
        invoice.BuyerReference = content.BuyerReference;
        invoice.PurchaseOrder = content.PurchaseOrder;
        invoice.PaymentTermsDays = content.Terms;
        invoice.Lines.AddRange(content.Lines.Select(l => new InvoiceLine
        {
            Id = l.Id, InvoiceId = invoice.Id, Position = l.Position, Description = l.Description, Quantity = l.Quantity, Unit = l.Unit,
            UnitPrice = l.UnitPrice, VatCode = l.VatCode, NetCents = l.NetCents,
        }.Freeze(l.Vat)));
        invoice.NetCents = content.Totals.Net.Cents;
        invoice.VatCents = content.Totals.Vat.Cents;
        invoice.GrossCents = content.Totals.Gross.Cents;
    }

    /// <summary>A positive quantity or price with at most 4 decimals (BR-FR-DEC: quantities 4, prices more, but cents matter here).</summary>
    private static decimal? Number(Validation v, string field, string label, string? value)
    {
        var number = v.Decimal(field, label, value, required: true);
        if (number is not { } n)
        {
            return null;
        }

        if (n <= 0 || Rounding.ToDecimals(n, 4) != n || n > 1_000_000_000m)
        {
            v.Add(field, $"{label} est un nombre positif d'au plus quatre décimales.");
            return null;
        }

        return n;
    }
}
