using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Infrastructure.Pdf;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Offices;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Employers.Features;

public sealed record EmployerInput(
    string? Name, string? LegalForm, string? Sector, string? Siret, string? Ape, string? CollectiveAgreement, string? UrssafReference, string? FundReferences,
    string? AtMpRate, string? Headcount, string? OfficeId, string? Street, string? PostalCode, string? City, string? BillingEmail, string? ExposureLimit);

public sealed record MandateView(Guid Id, MandateKind Kind, DateOnly SignedOn, string SignedBy, DateOnly? TerminatedOn, string? TerminationReason, IReadOnlyList<DateRange> Periods);

public sealed record EmployerView(
    EmployerId Id, string Name, EmployerLegalForm LegalForm, EmployerSector Sector, string Siret, string Ape, string CollectiveAgreement, string UrssafReference,
    string FundReferences, decimal AtMpRate, int Headcount, OfficeId OfficeId, string OfficeName, EmployerStatus Status, string Street, string PostalCode, string City,
    string BillingEmail, Money ExposureLimit, IReadOnlyList<MandateView> Mandates)
{
    public MandateView? CurrentMandate(DateOnly today) => Mandates.LastOrDefault(m => m.SignedOn <= today && (m.TerminatedOn is not { } last || last >= today));
}

public sealed record MandateInput(string? Kind, string? SignedOn, string? SignedBy);

public sealed record TerminationInput(string? LastDay, string? Reason);

public sealed class Employers(PartageDbContext db, IOfficesApi offices, UserManager<PartageUser> users, IAuditLog audit, TimeProvider clock)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private DateOnly Today => clock.Today();

    public async Task<EmployerView> CreateAsync(EmployerInput input, Actor actor, CancellationToken ct = default)
    {
        EmployersAccess.RequireManager(actor);
        var employer = new Employer { Id = TypedId.New<EmployerId>(), Status = EmployerStatus.Active, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Name };
        await ApplyAsync(employer, input, ct);
        db.Add(employer);
        audit.Record(actor, "employers.created", "employer", employer.Id.ToString(), null, new { employer.Name, employer.Siret, LegalForm = employer.LegalForm.ToString() });
        await db.SaveChangesAsync(ct);
        return await FindAsync(employer.Id, actor, ct);
    }

    public async Task<EmployerView> UpdateAsync(EmployerId id, EmployerInput input, Actor actor, CancellationToken ct = default)
    {
        EmployersAccess.RequireManager(actor);
        var employer = await db.Set<Employer>().SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new DomainException(EmployersErrors.NotFound);
        var before = new { employer.Name, employer.Siret, employer.Headcount, employer.AtMpRate, employer.ExposureLimitCents };
        await ApplyAsync(employer, input, ct);
        audit.Record(actor, "employers.updated", "employer", employer.Id.ToString(), before, new { employer.Name, employer.Siret, employer.Headcount, employer.AtMpRate, employer.ExposureLimitCents });
        await db.SaveChangesAsync(ct);
        return await FindAsync(id, actor, ct);
    }

    public async Task<EmployerView> SetStatusAsync(EmployerId id, bool active, Actor actor, CancellationToken ct = default)
    {
        EmployersAccess.RequireManager(actor);
        var employer = await db.Set<Employer>().SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new DomainException(EmployersErrors.NotFound);
        var before = employer.Status;
        employer.Status = active ? EmployerStatus.Active : EmployerStatus.Inactive;
        audit.Record(actor, "employers.status_changed", "employer", employer.Id.ToString(), new { Status = before.ToString() }, new { Status = employer.Status.ToString() });
        await db.SaveChangesAsync(ct);
        return await FindAsync(id, actor, ct);
    }

    public async Task<EmployerView> FindAsync(EmployerId id, Actor actor, CancellationToken ct = default) =>
        (await ViewsAsync(await db.Set<Employer>().AsNoTracking().Visible(actor).Where(e => e.Id == id).ToListAsync(ct), ct)).SingleOrDefault()
        ?? throw new DomainException(EmployersErrors.NotFound);

    /// <summary>Employers by name or SIRET, filtered by status, legal form, sector.</summary>
    public async Task<PagedResult<EmployerView>> ListAsync(string? search, string? status, string? legalForm, string? sector, PageRequest page, Actor actor, CancellationToken ct = default)
    {
        var query = db.Set<Employer>().AsNoTracking().Visible(actor);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim().ToLowerInvariant();
            query = query.Where(e => e.Name.ToLower().Contains(text) || e.Siret.Contains(text));
        }

        if (Enum.TryParse<EmployerStatus>(status, ignoreCase: true, out var wantedStatus))
        {
            query = query.Where(e => e.Status == wantedStatus);
        }

        if (Enum.TryParse<EmployerLegalForm>(legalForm, ignoreCase: true, out var wantedForm))
        {
            query = query.Where(e => e.LegalForm == wantedForm);
        }

        if (Enum.TryParse<EmployerSector>(sector, ignoreCase: true, out var wantedSector))
        {
            query = query.Where(e => e.Sector == wantedSector);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(e => e.Name).ThenBy(e => e.Id).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedResult<EmployerView>(await ViewsAsync(rows, ct), page.Page, page.Size, total);
    }

    /// <summary>Lets a platform account with the Employer role act for this employer (one employer per account).</summary>
    public async Task LinkUserAsync(EmployerId id, string? email, Actor actor, CancellationToken ct = default)
    {
        EmployersAccess.RequireManager(actor);
        var employer = await db.Set<Employer>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new DomainException(EmployersErrors.NotFound);
        var v = new Validation();
        var address = v.Email("Email", email);
        v.ThrowIfInvalid();
        var user = await users.FindByEmailAsync(address);
        if (user is null || !await users.IsInRoleAsync(user, Roles.Employer) || await db.Set<EmployerUser>().AnyAsync(u => u.UserId == user.Id && u.EmployerId != id, ct))
        {
            throw new DomainException(EmployersErrors.NotEmployerAccount);
        }

        if (!await db.Set<EmployerUser>().AnyAsync(u => u.UserId == user.Id, ct))
        {
            db.Add(new EmployerUser { UserId = user.Id, EmployerId = employer.Id });
            audit.Record(actor, "employers.user_linked", "employer", employer.Id.ToString(), null, new { Email = address });
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>A mandate signed on a date; the previous one must have ended before it.</summary>
    public async Task<EmployerView> SignMandateAsync(EmployerId id, MandateInput input, Actor actor, CancellationToken ct = default)
    {
        EmployersAccess.RequireManager(actor);
        var employer = await db.Set<Employer>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new DomainException(EmployersErrors.NotFound);
        var v = new Validation();
        var kind = v.Enum<MandateKind>("Kind", "Le type de mandat (partiel ou complet)", input.Kind, required: true);
        var signedOn = v.Date("SignedOn", "La date de signature", input.SignedOn, required: true);
        var signedBy = v.Required("SignedBy", "Le signataire pour l'employeur", input.SignedBy, 200);
        v.ThrowIfInvalid();
        var mandates = await db.Set<Mandate>().AsNoTracking().Where(m => m.EmployerId == id).ToListAsync(ct);
        if (mandates.Any(m => m.TerminatedOn is not { } last || last >= signedOn!.Value))
        {
            throw new DomainException(EmployersErrors.MandateOpen);
        }

        var mandate = new Mandate
        {
            Id = Guid.CreateVersion7(), EmployerId = employer.Id, Kind = kind!.Value, SignedOn = signedOn!.Value, SignedBy = signedBy,
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Name,
        };
        db.Add(mandate);
        audit.Record(actor, "employers.mandate_signed", "employer", employer.Id.ToString(), null,
            new { Kind = mandate.Kind.ToString(), SignedOn = mandate.SignedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), mandate.SignedBy });
        await db.SaveChangesAsync(ct);
        return await FindAsync(id, actor, ct);
    }

    /// <summary>Ends the mandate in force on its last day (by default the 31 December of its current period: it is then not renewed).</summary>
    public async Task<EmployerView> TerminateMandateAsync(EmployerId id, TerminationInput input, Actor actor, CancellationToken ct = default)
    {
        EmployersAccess.RequireManager(actor);
        var mandate = await db.Set<Mandate>().Where(m => m.EmployerId == id && m.TerminatedOn == null).SingleOrDefaultAsync(ct)
            ?? throw new DomainException(EmployersErrors.NoMandate);
        var v = new Validation();
        var lastDay = v.Date("LastDay", "Le dernier jour du mandat", input.LastDay, required: false) ?? new DateOnly(Math.Max(Today.Year, mandate.SignedOn.Year), 12, 31);
        var reason = v.Required("Reason", "Le motif de la résiliation", input.Reason, 300);
        if (lastDay < mandate.SignedOn)
        {
            v.Add("LastDay", "Le dernier jour du mandat ne peut précéder sa signature.");
        }

        v.ThrowIfInvalid();
        mandate.TerminatedOn = lastDay;
        mandate.TerminationReason = reason;
        audit.Record(actor, "employers.mandate_terminated", "employer", id.ToString(), null,
            new { Mandate = mandate.Id, LastDay = lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Reason = reason });
        await db.SaveChangesAsync(ct);
        return await FindAsync(id, actor, ct);
    }

    /// <summary>The mandate as PDF: the parties, its type and what the cooperative does under it, its yearly validity and its periods.</summary>
    public async Task<(string FileName, byte[] Content)> MandatePdfAsync(EmployerId id, Guid mandateId, Actor actor, CancellationToken ct = default)
    {
        var employer = await FindAsync(id, actor, ct);
        var mandate = employer.Mandates.SingleOrDefault(m => m.Id == mandateId) ?? throw new DomainException(EmployersErrors.NotFound);
        using var pdf = new PdfDocumentWriter($"Mandat de gestion de la paie — {employer.Name}", "SCIC SMart");
        pdf.Title(mandate.Kind == MandateKind.Complete ? "Mandat complet de gestion de la paie" : "Mandat partiel de gestion de la paie");
        pdf.Line($"Entre {employer.Name} ({Labels.LegalForm(employer.LegalForm)}), SIRET {employer.Siret}, code APE {employer.Ape}, {employer.Street}, {employer.PostalCode} {employer.City}, ci-après « l'employeur »,");
        pdf.Line("et la SCIC SMart, coopérative, ci-après « la coopérative ».");
        pdf.Space();
        pdf.Paragraph("Article 1 — Objet. L'employeur confie à la coopérative, qui l'accepte, la gestion administrative de la paie de ses salariés : déclarations préalables à l'embauche, "
            + "contrats de travail, bulletins de paie et attestations, avance des salaires nets, payés au plus tard 7 jours après la fin de chaque travail, et des frais de l'employeur (repas, hébergement)"
            + (mandate.Kind == MandateKind.Complete ? ", ainsi que les déclarations sociales et l'avance des cotisations et contributions sociales." : ". L'employeur reste chargé de ses déclarations sociales et du paiement des cotisations."));
        pdf.Paragraph($"Article 2 — Convention collective et organismes. Convention IDCC {employer.CollectiveAgreement} ; URSSAF {employer.UrssafReference} ; caisses : {employer.FundReferences} ; taux AT/MP {(employer.AtMpRate * 100).ToString("0.00", French)} %.");
        pdf.Paragraph("Article 3 — Rémunération. La coopérative facture à chaque période de paie, en une facture : les salaires nets"
            + (mandate.Kind == MandateKind.Complete ? ", les cotisations sociales" : string.Empty)
            + ", les frais avancés à leur coût, et des frais de gestion au taux en vigueur (6,5 % HT de la masse salariale brute au jour de la signature) soumis à la TVA.");
        pdf.Paragraph($"Article 4 — Durée. Le mandat est signé le {mandate.SignedOn:dd/MM/yyyy} par {mandate.SignedBy}. Il vaut pour l'année civile : la première période court jusqu'au 31 décembre suivant la signature ; "
            + "il se renouvelle ensuite le 1er janvier de chaque année, sauf résiliation. Tout contrat hors des périodes du mandat est refusé.");
        pdf.Space();
        pdf.Line("Périodes du mandat :", strong: true);
        foreach (var period in mandate.Periods)
        {
            pdf.Line($"du {period.Start:dd/MM/yyyy} au {period.End:dd/MM/yyyy}");
        }

        if (mandate.TerminatedOn is { } last)
        {
            pdf.Line($"Résilié : dernier jour le {last:dd/MM/yyyy} ({mandate.TerminationReason}).");
        }

        using var output = new MemoryStream();
        pdf.Save(output);
        return ($"mandat-{employer.Siret}-{mandate.SignedOn:yyyyMMdd}.pdf", output.ToArray());
    }

    /// <summary>The mandate in force over a contract's dates, or a clear refusal.</summary>
    internal async Task<Mandate> MandateCoveringAsync(EmployerId id, DateOnly start, DateOnly end, CancellationToken ct)
    {
        var mandates = await db.Set<Mandate>().AsNoTracking().Where(m => m.EmployerId == id).ToListAsync(ct);
        return mandates.FirstOrDefault(m => m.Covers(start, end))
            ?? throw new DomainException(EmployersErrors.OutsideMandate, mandates.Count == 0
                ? "L'employeur n'a signé aucun mandat : pas de contrat."
                : $"Le contrat du {start:dd/MM/yyyy} au {end:dd/MM/yyyy} sort des périodes du mandat ({string.Join(" ; ", mandates.Select(m => $"signé le {m.SignedOn:dd/MM/yyyy}" + (m.TerminatedOn is { } t ? $", résilié au {t:dd/MM/yyyy}" : ", en cours")))}).");
    }

    private async Task ApplyAsync(Employer employer, EmployerInput input, CancellationToken ct)
    {
        var v = new Validation();
        var name = v.Required("Name", "La raison sociale", input.Name, 200);
        var form = v.Enum<EmployerLegalForm>("LegalForm", "La forme juridique", input.LegalForm, required: true);
        var sector = v.Enum<EmployerSector>("Sector", "Le secteur", input.Sector, required: true);
        var siret = v.Parsed<Siret>("Siret", input.Siret, Siret.TryParse);
        if (siret is null && string.IsNullOrWhiteSpace(input.Siret))
        {
            v.Add("Siret", "Le SIRET est obligatoire.");
        }

        var ape = v.Required("Ape", "Le code APE", input.Ape, 5).ToUpperInvariant();
        if (ape.Length > 0 && !System.Text.RegularExpressions.Regex.IsMatch(ape, "^[0-9]{4}[A-Z]$"))
        {
            v.Add("Ape", "Le code APE s'écrit 4 chiffres et une lettre (9001Z).");
        }

        var idcc = v.Required("CollectiveAgreement", "La convention collective (IDCC)", input.CollectiveAgreement, 4);
        if (idcc.Length > 0 && !idcc.All(char.IsAsciiDigit))
        {
            v.Add("CollectiveAgreement", "L'IDCC compte 4 chiffres (3090 pour le spectacle vivant privé).");
        }

        var urssaf = v.Required("UrssafReference", "La référence URSSAF", input.UrssafReference, 30);
        var funds = v.Optional("FundReferences", "Les références des caisses", input.FundReferences, 300) ?? string.Empty;
        var atMp = v.Decimal("AtMpRate", "Le taux AT/MP", input.AtMpRate, required: true);
        if (atMp is < 0 or > 0.2m)
        {
            v.Add("AtMpRate", "Le taux AT/MP est une fraction entre 0 et 0,2 (0,0123 pour 1,23 %).");
        }

        var headcount = v.Decimal("Headcount", "L'effectif", input.Headcount, required: true);
        if (headcount is { } h && (h < 0 || h != decimal.Truncate(h) || h > 100_000))
        {
            v.Add("Headcount", "L'effectif est un nombre entier de salariés.");
        }

        var office = v.Id<OfficeId>("OfficeId", "Le bureau", input.OfficeId, required: true);
        if (office is { } o && await offices.FindOfficeAsync(o, ct) is null)
        {
            v.Add("OfficeId", "Ce bureau n'existe pas.");
        }

        var street = v.Required("Street", "L'adresse", input.Street, 200);
        var postalCode = v.Required("PostalCode", "Le code postal", input.PostalCode, 10);
        var city = v.Required("City", "La ville", input.City, 100);
        var email = v.Email("BillingEmail", input.BillingEmail);
        var limit = v.Amount("ExposureLimit", "Le plafond d'exposition", input.ExposureLimit, required: false) ?? Money.Eur(1_000_000);
        if (limit.Cents < 0)
        {
            v.Add("ExposureLimit", "Le plafond d'exposition est positif.");
        }

        v.ThrowIfInvalid();
        if (await db.Set<Employer>().AnyAsync(e => e.Siret == siret!.Value && e.Id != employer.Id, ct))
        {
            throw new DomainException(EmployersErrors.Duplicate);
        }

        (employer.Name, employer.LegalForm, employer.Sector, employer.Siret, employer.Ape, employer.CollectiveAgreement) = (name, form!.Value, sector!.Value, siret!.Value, ape, idcc);
        (employer.UrssafReference, employer.FundReferences, employer.AtMpRate, employer.Headcount, employer.OfficeId) = (urssaf, funds, atMp!.Value, (int)headcount!.Value, office!.Value);
        (employer.Street, employer.PostalCode, employer.City, employer.BillingEmail, employer.ExposureLimitCents) = (street, postalCode, city, email, limit.Cents);
    }

    private async Task<IReadOnlyList<EmployerView>> ViewsAsync(IReadOnlyList<Employer> rows, CancellationToken ct)
    {
        var ids = rows.Select(e => e.Id).ToList();
        var mandates = (await db.Set<Mandate>().AsNoTracking().Where(m => ids.Contains(m.EmployerId)).ToListAsync(ct)).ToLookup(m => m.EmployerId);
        var officeNames = (await offices.ListOfficesAsync(ct)).ToDictionary(o => o.Id, o => o.Name);
        return rows.Select(e => new EmployerView(e.Id, e.Name, e.LegalForm, e.Sector, e.Siret, e.Ape, e.CollectiveAgreement, e.UrssafReference, e.FundReferences, e.AtMpRate,
            e.Headcount, e.OfficeId, officeNames.GetValueOrDefault(e.OfficeId, "?"), e.Status, e.Street, e.PostalCode, e.City, e.BillingEmail, Money.Eur(e.ExposureLimitCents),
            mandates[e.Id].OrderBy(m => m.SignedOn).Select(m => new MandateView(m.Id, m.Kind, m.SignedOn, m.SignedBy, m.TerminatedOn, m.TerminationReason, m.Periods(Today))).ToList()))
            .ToList();
    }

    public static void Map(RouteGroupBuilder employers)
    {
        employers.MapGet("/", async (string? search, string? status, string? legalForm, string? sector, int? page, int? size, Features.Employers list, ActorAccessor actors, CancellationToken ct) =>
                await list.ListAsync(search, status, legalForm, sector, new PageRequest(page, size), await actors.GetAsync(ct), ct))
            .WithName("ListEmployers").WithSummary("Les employeurs du service de gestion de contrats (un compte employeur : le sien seulement)").ProducesProblems();
        employers.MapPost("/", async (EmployerInput input, Features.Employers create, ActorAccessor actors, CancellationToken ct) =>
            {
                var employer = await create.CreateAsync(input, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/employers/{employer.Id}", employer);
            })
            .WithName("CreateEmployer").WithSummary("Inscrire un employeur (service paie)").ProducesProblems();
        employers.MapGet("/{id:guid}", async (Guid id, Features.Employers find, ActorAccessor actors, CancellationToken ct) =>
                await find.FindAsync(EmployerId.From(id), await actors.GetAsync(ct), ct))
            .WithName("GetEmployer").WithSummary("Un employeur et l'historique de ses mandats").ProducesProblems();
        employers.MapPut("/{id:guid}", async (Guid id, EmployerInput input, Features.Employers update, ActorAccessor actors, CancellationToken ct) =>
                await update.UpdateAsync(EmployerId.From(id), input, await actors.GetAsync(ct), ct))
            .WithName("UpdateEmployer").WithSummary("Modifier la fiche d'un employeur (service paie)").ProducesProblems();
        employers.MapPost("/{id:guid}/status", async (Guid id, StatusInput input, Features.Employers update, ActorAccessor actors, CancellationToken ct) =>
                await update.SetStatusAsync(EmployerId.From(id), input.Active, await actors.GetAsync(ct), ct))
            .WithName("SetEmployerStatus").WithSummary("Rendre un employeur actif ou inactif (service paie)").ProducesProblems();
        employers.MapPost("/{id:guid}/users", async (Guid id, LinkUserInput input, Features.Employers link, ActorAccessor actors, CancellationToken ct) =>
            {
                await link.LinkUserAsync(EmployerId.From(id), input.Email, await actors.GetAsync(ct), ct);
                return TypedResults.NoContent();
            })
            .WithName("LinkEmployerUser").WithSummary("Un compte au rôle Employeur agit pour cet employeur (service paie)").ProducesProblems();
        employers.MapPost("/{id:guid}/mandates", async (Guid id, MandateInput input, Features.Employers sign, ActorAccessor actors, CancellationToken ct) =>
                await sign.SignMandateAsync(EmployerId.From(id), input, await actors.GetAsync(ct), ct))
            .WithName("SignMandate").WithSummary("Enregistrer un mandat partiel ou complet signé à une date (service paie)").ProducesProblems();
        employers.MapPost("/{id:guid}/mandates/termination", async (Guid id, TerminationInput input, Features.Employers terminate, ActorAccessor actors, CancellationToken ct) =>
                await terminate.TerminateMandateAsync(EmployerId.From(id), input, await actors.GetAsync(ct), ct))
            .WithName("TerminateMandate").WithSummary("Résilier le mandat en cours à son dernier jour (par défaut le 31 décembre : pas de renouvellement)").ProducesProblems();
        employers.MapGet("/{id:guid}/mandates/{mandate:guid}.pdf", async (Guid id, Guid mandate, Features.Employers documents, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await documents.MandatePdfAsync(EmployerId.From(id), mandate, await actors.GetAsync(ct), ct);
                return TypedResults.File(content, "application/pdf", name);
            })
            .WithName("MandatePdf").WithSummary("Le mandat en PDF, avec ses périodes").ProducesProblems().Produces(StatusCodes.Status200OK, contentType: "application/pdf");
    }
}
