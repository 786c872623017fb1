using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Infrastructure.Storage;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Audit;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Payroll;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;

namespace Partage.App.Modules.Purchases.Features;

/// <summary>
/// An expense note as the member types it: for one of their activities, a date, what it was and its nature; either a
/// purchase (amount including VAT, the VAT the receipt shows, the receipt) or a trip with their own car (kilometres,
/// fiscal power, electric or not — the amount is the scale's), or the meals or night of a day of one of their jobs at the
/// payroll's flat rate (the job, the allowance, how many — the activity is the job's).
/// </summary>
public sealed record ExpenseNoteInput(
    string? ActivityId, string? Date, string? Description, string? Category, string? Amount, string? Vat, string? Kilometres, string? FiscalPower, bool Electric = false,
    string? JobNumber = null, string? Allowance = null, string? Count = null);

/// <summary>The receipt as uploaded.</summary>
public sealed record ReceiptUpload(string FileName, byte[] Content);

/// <summary>
/// Records a member's expense note for one of their own activities, with its receipt kept in the attachment store (a
/// purchase needs one; a trip at the kilometre scale does not). The date is within the current or the previous year
/// and not in the future; the VAT cannot exceed what 20 % would give; a trip's allowance follows the scale with the
/// distance the member's other trips of the year already took. Nothing is posted until a manager approves it.
/// </summary>
public sealed class SubmitExpenseNote(
    PartageDbContext db, IActivitiesApi activities, ILegalEntitiesApi entities, IPayrollApi payroll, IAttachmentStore store, IAuditLog audit, TimeProvider clock)
{
    private const decimal MaxKilometres = 10_000m;

    public async Task<ExpenseNoteView> HandleAsync(ExpenseNoteInput input, ReceiptUpload? receipt, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var member = actor.MemberId ?? throw new DomainException(PurchasesErrors.NotFound);
        var v = new Validation();
        var date = v.Date("Date", "La date de la dépense", input.Date, required: true);
        var trip = !string.IsNullOrWhiteSpace(input.Kilometres);
        var allowance = !trip && !string.IsNullOrWhiteSpace(input.Allowance);
        var description = allowance ? v.Optional("Description", "Ce qui a été payé", input.Description, 300) : v.Required("Description", "Ce qui a été payé", input.Description, 300);
        var category = trip || allowance ? (ExpenseCategory?)ExpenseCategory.Travel : v.Enum<ExpenseCategory>("Category", "La nature de la dépense", input.Category, required: true);
        CheckDate(v, date);
        CheckOneKind(v, input, trip, allowance);
        var job = allowance ? await JobAsync(v, input.JobNumber, member, date, ct) : null;
        var activityId = v.Id<ActivityId>("ActivityId", "L'activité", input.ActivityId, required: !allowance) ?? job?.ActivityId;
        var activity = activityId is { } id ? await activities.FindVisibleAsync(id, actor, ct) : null;
        if (activityId is not null && (activity is null || activity.MemberId != member || activity.Status == ActivityStatus.Closed))
        {
            v.Add("ActivityId", "Choisissez une de vos activités ouvertes.");
        }
        else if (job is not null && activityId != job.ActivityId)
        {
            v.Add("ActivityId", $"Le contrat {job.Number} est celui d'une autre de vos activités : choisissez la sienne ou laissez l'activité vide.");
        }

        var (amount, vat, kilometres, power) = trip ? await TripAsync(v, input, member, date, ct) : allowance ? (Money.ZeroEur, Money.ZeroEur, null, null) : Purchase(v, input, receipt);
        var (kind, count) = (default(JobAllowance?), default(int?));
        if (allowance)
        {
            (amount, kind, count) = await AllowanceAsync(v, input, member, date, job, ct);
            if (receipt is not null)
            {
                CheckReceipt(v, receipt);   // a forfait needs none, but one given is kept, never dropped
            }
        }

        v.ThrowIfInvalid();
        var (hash, name, type) = receipt is null ? (null, null, null) : await StoreAsync(receipt, ct);
        var entity = (await entities.ListAsync(ct)).Single(e => e.Code == activity!.LegalEntityCode);
        var note = new ExpenseNote
        {
            LegalEntityId = entity.Id, ActivityId = activity!.Id, OfficeId = activity.OfficeId, MemberId = member, Date = date!.Value,
            Description = string.IsNullOrEmpty(description) ? $"{JobAllowances.Label(kind!.Value)} — {job!.Number}" : description,
            Category = category!.Value, AmountCents = amount.Cents, VatCents = vat.Cents, Kilometres = kilometres, FiscalPower = power, Electric = trip && input.Electric,
            JobNumber = job?.Number, Allowance = kind, AllowanceCount = count,
            ReceiptHash = hash, ReceiptName = name, ReceiptType = type, SubmittedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(note);
        audit.Record(actor, "purchases.expense_submitted", "expense_note", note.Id.ToString(), null, new { note.AmountCents, note.VatCents, note.Kilometres, note.JobNumber, note.Allowance, note.ReceiptHash });
        await db.SaveChangesAsync(ct);
        return ExpenseNoteView.Of(note, activity.Name);
    }

    /// <summary>A note is a purchase, a trip or an allowance: what the member typed for another kind is refused, never silently dropped.</summary>
    private static void CheckOneKind(Validation v, ExpenseNoteInput input, bool trip, bool allowance)
    {
        if ((trip || allowance) && !string.IsNullOrWhiteSpace(input.Amount))
        {
            v.Add("Amount", $"Le montant se calcule pour {(trip ? "un trajet (barème kilométrique)" : "un forfait de repas ou de nuit")} : videz le montant TTC, ou faites une note d'achat séparée.");
        }

        if (trip && !string.IsNullOrWhiteSpace(input.Allowance))
        {
            v.Add("Allowance", "Une note est un trajet ou un forfait de repas ou de nuit, pas les deux : faites deux notes.");
        }
    }

    private void CheckDate(Validation v, DateOnly? date)
    {
        var today = clock.Today();
        if (date is { } day && (day > today || day.Year < today.Year - 1))
        {
            v.Add("Date", $"La dépense doit dater de {today.Year - 1} ou {today.Year}, et pas d'un jour à venir.");
        }
    }

    private static (Money Amount, Money Vat, decimal? Kilometres, int? Power) Purchase(Validation v, ExpenseNoteInput input, ReceiptUpload? receipt)
    {
        var amount = v.Amount("Amount", "Le montant TTC", input.Amount, required: true);
        var vat = string.IsNullOrWhiteSpace(input.Vat) || input.Vat.Trim() is "0" or "0,00" or "0.00" ? Money.ZeroEur : v.Amount("Vat", "La TVA", input.Vat, required: false);
        if (amount is { } total && vat is { } tax && tax.Cents * 6 > total.Cents + 5)
        {
            // At 20 %, the highest French rate, the VAT is a sixth of the amount including it (a few cents of rounding allowed).
            v.Add("Vat", $"La TVA ne peut pas dépasser un sixième du montant TTC (taux de 20 %) : {Money.Eur(total.Cents / 6).ToDisplayString()} au plus.");
        }

        if (receipt is null)
        {
            v.Add("Receipt", "Joignez le justificatif (photo ou PDF du ticket ou de la facture).");
        }
        else
        {
            CheckReceipt(v, receipt);
        }

        return (amount ?? Money.ZeroEur, vat ?? Money.ZeroEur, null, null);
    }

    private static void CheckReceipt(Validation v, ReceiptUpload receipt)
    {
        try
        {
            Receipts.Check(receipt.Content);
        }
        catch (InputValidationException e)
        {
            v.Add("Receipt", e.Errors["Receipt"][0]);
        }
    }

    /// <summary>The member's countersigned job the allowance is for, and the day within its dates.</summary>
    private async Task<JobSummary?> JobAsync(Validation v, string? number, MemberId member, DateOnly? date, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            v.Add("JobNumber", "Choisissez le contrat dont ce repas ou cette nuit fait partie.");
            return null;
        }

        var today = clock.Today();
        var job = (await payroll.MemberJobsAsync(member, new DateOnly(today.Year - 1, 1, 1), ct)).FirstOrDefault(j => string.Equals(j.Number, number.Trim(), StringComparison.OrdinalIgnoreCase));
        if (job is null)
        {
            v.Add("JobNumber", $"Aucun de vos contrats signés de cette année ou de la précédente ne porte le numéro « {Text.Cut(number.Trim(), 40)} ».");
        }
        else if (job.Dfs)
        {
            // BOSS, frais professionnels, DFS: under the specific deduction the expenses refunded join the contributions' base, so they go on the payslip.
            v.Add("JobNumber", $"Le contrat {job.Number} applique la déduction forfaitaire spécifique (DFS) : ses frais remboursés entrent dans l'assiette des cotisations et passent par le bulletin de paie, pas par une note de frais. Voyez avec le service paie.");
        }
        else if (date is { } day && (day < job.Start || day > job.End))
        {
            v.Add("Date", $"Le forfait vaut pour un jour du contrat {job.Number}, du {job.Start:dd/MM/yyyy} au {job.End:dd/MM/yyyy}.");
        }

        return job;
    }

    /// <summary>
    /// The payroll's flat rate of the allowance on that day times how many (two meals or one night a day at most, with the
    /// member's other notes of the day not refused): the amount URSSAF exempts, which the cooperative reimburses.
    /// </summary>
    private async Task<(Money Amount, JobAllowance? Kind, int? Count)> AllowanceAsync(Validation v, ExpenseNoteInput input, MemberId member, DateOnly? date, JobSummary? job, CancellationToken ct)
    {
        var kind = v.Enum<JobAllowance>("Allowance", "Le forfait", input.Allowance, required: true);
        var count = 1;
        if (!string.IsNullOrWhiteSpace(input.Count) && !int.TryParse(input.Count.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count))
        {
            v.Add("Count", "Le nombre de repas ou de nuits est un nombre entier : 1 ou 2 repas, 1 nuit.");
        }

        if (kind is not { } allowance || date is not { } day || job is null || !v.IsValid)
        {
            return (Money.ZeroEur, kind, null);
        }

        var sameDay = await db.Set<ExpenseNote>().Where(n => n.MemberId == member && n.Date == day && n.Allowance != null && n.Status != ExpenseNoteStatus.Refused)
            .Select(n => new { n.Allowance, n.AllowanceCount }).ToListAsync(ct);
        var already = sameDay.Where(n => JobAllowances.IsLodging(n.Allowance!.Value) == JobAllowances.IsLodging(allowance)).Sum(n => n.AllowanceCount ?? 0);
        var perDay = JobAllowances.PerDay(allowance);
        if (count < 1 || already + count > perDay)
        {
            v.Add("Count", (JobAllowances.IsLodging(allowance) ? "Une nuit par jour au plus" : "Deux repas par jour au plus")
                + (already > 0 ? $" : vos notes du {day:dd/MM/yyyy} en comptent déjà {already}." : "."));
            return (Money.ZeroEur, kind, null);
        }

        var limit = JobAllowances.Limit(await payroll.CatalogAsync(ct), allowance, day);
        if (limit is null)
        {
            v.Add("Allowance", $"Aucun plafond URSSAF n'est connu pour ce forfait au {day:dd/MM/yyyy} : le service paie doit l'ajouter aux paramètres.");
            return (Money.ZeroEur, kind, null);
        }

        return (Money.Eur(limit.Value.Cents * count), kind, count);
    }

    private async Task<(Money Amount, Money Vat, decimal? Kilometres, int? Power)> TripAsync(Validation v, ExpenseNoteInput input, MemberId member, DateOnly? date, CancellationToken ct)
    {
        var kilometres = v.Decimal("Kilometres", "La distance", input.Kilometres, required: true);
        if (kilometres is { } km && (km <= 0 || km > MaxKilometres || km * 10 != decimal.Truncate(km * 10)))
        {
            v.Add("Kilometres", $"La distance est un nombre de kilomètres positif (au dixième), {MaxKilometres:N0} au plus par note.");
        }

        if (!int.TryParse(input.FiscalPower?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var power) || power is < 1 or > 50)
        {
            v.Add("FiscalPower", "Donnez la puissance fiscale du véhicule (CV, sur la carte grise).");
        }

        if (!v.IsValid || date is not { } day)
        {
            return (Money.ZeroEur, Money.ZeroEur, null, null);
        }

        // Summed here: SQLite keeps decimals as text and cannot add them up in SQL (a member's trips of a year are few).
        var (first, last) = (new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 12, 31));
        var before = (await db.Set<ExpenseNote>().Where(n => n.MemberId == member && n.Kilometres != null && n.Status != ExpenseNoteStatus.Refused && n.Date >= first && n.Date <= last)
            .Select(n => n.Kilometres!.Value).ToListAsync(ct)).Sum();
        return (MileageScale.Allowance(day, power, input.Electric, before, kilometres!.Value), Money.ZeroEur, kilometres, power);
    }

    private async Task<(string Hash, string Name, string Type)> StoreAsync(ReceiptUpload receipt, CancellationToken ct)
    {
        var (extension, type) = Receipts.Check(receipt.Content);
        var stem = new string(Path.GetFileNameWithoutExtension(receipt.FileName).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
        return (await store.PutAsync(receipt.Content, ct), Text.Cut(stem.Length == 0 ? "justificatif" : stem, 100) + extension, type);
    }

    public static void Map(RouteGroupBuilder purchases) =>
        purchases.MapPost("/expense-notes", async (HttpRequest request, SubmitExpenseNote handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                if (actor.MemberId is null)
                {
                    throw new DomainException(PurchasesErrors.NoteNotFound);   // only members spend for an activity of theirs
                }

                var form = request.HasFormContentType ? await request.ReadFormAsync(ct)
                    : throw new InputValidationException(new Dictionary<string, string[]> { ["Receipt"] = ["Envoyez la note en multipart/form-data (champs de la note et fichier « receipt »)."] });
                var file = form.Files.GetFile("receipt");
                ReceiptUpload? receipt = null;
                if (file is { Length: > 0 })
                {
                    using var buffer = new MemoryStream();
                    await file.CopyToAsync(buffer, ct);
                    receipt = new ReceiptUpload(file.FileName, buffer.ToArray());
                }

                var input = new ExpenseNoteInput(form["activityId"], form["date"], form["description"], form["category"], form["amount"], form["vat"], form["kilometres"], form["fiscalPower"],
                    string.Equals(form["electric"], "true", StringComparison.OrdinalIgnoreCase), form["jobNumber"], form["allowance"], form["count"]);
                var note = await handler.HandleAsync(input, receipt, actor, ct);
                return TypedResults.Created($"/api/v1/expense-notes/{note.Id}", note);
            })
            .WithName("SubmitExpenseNote").WithSummary("Déclarer une note de frais (achat avec justificatif, trajet au barème kilométrique, ou repas et nuits d'un contrat au forfait)").ProducesProblems()
            .DisableAntiforgery();
}
