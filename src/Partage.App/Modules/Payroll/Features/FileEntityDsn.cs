using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Database;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll.Features;

public sealed record DsnFilingInput(string? Entity, string? Month);

/// <summary>How staff read a DSN's type and state.</summary>
public static class DsnLabels
{
    public static string Type(string type) => type switch
    {
        "01" => "normale",
        "02" => "normale sans individu",
        "03" => "annule et remplace",
        "05" => "annule et remplace sans individu",
        _ => type,
    };

    public static string Status(DsnFilingStatus status) => status switch
    {
        DsnFilingStatus.Built => "à déposer",
        DsnFilingStatus.Sent => "déposée",
        _ => "remplacée",
    };
}

public sealed record DsnSentInput(string? DepositReference);

public sealed record DsnFilingView(
    Guid Id, string Entity, string Period, int Ordinal, string Type, string FileName, string Sha256, DsnFilingStatus Status, DateTime CreatedAt, string CreatedBy,
    DateTime? SentAt, string? SentBy, string? DepositReference, DateOnly Deadline)
{
    /// <summary>The employer under mandate whose DSN this is, when the cooperative files it in their name.</summary>
    public Guid? EmployerId { get; init; }

    public string? EmployerName { get; init; }
}

/// <summary>An entity's monthly DSN not yet deposited: the month, its due date, and whether a file is built and waits for its deposit.</summary>
public sealed record DsnDue(string Entity, string Period, DateOnly Deadline, bool Built);

/// <summary>Whose DSN is kept: the entity's own (no employer), or an employer's under a complete mandate, with their headcount for the due date.</summary>
public sealed record DsnOwner(LegalEntityId Declarant, Guid? EmployerId, string? EmployerName, int Headcount);

/// <summary>
/// The monthly DSN of an entity kept as filed: built from the month's validated payslips and stored
/// byte for byte, then marked deposited with net-entreprises' receipt. A newer file of the month
/// supersedes one not yet deposited; after a deposit it is an "annule et remplace intégral" (type 03,
/// 05 without anyone), accepted until the due date (the 5th of the next month from 50 employees,
/// the 15th below: dated parameters), after which an error is corrected in the next month's DSN.
/// The DSN the cooperative files for an employer under a complete mandate is kept the same way
/// (<see cref="IPayrollApi.KeepEmployerDsnAsync"/>), numbered apart, due by the employer's headcount.
/// </summary>
public sealed class FileEntityDsn(
    PartageDbContext db, GetEntityDsn dsn, ILegalEntitiesApi entities, PayrollParameters parameters, IOptions<PayrollEmployerOptions> employer, IAuditLog audit, TimeProvider clock)
{
    public async Task<DsnFilingView> FileAsync(DsnFilingInput input, Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        var (entity, first) = await dsn.ReadAsync(input.Entity, input.Month, ct);
        return await KeepAsync(new DsnOwner(entity.Id, null, null, employer.Value.Headcount), first, (ordinal, replacement) => dsn.BuildAsync(entity, first, test: false, ordinal, replacement, ct), actor, ct);
    }

    /// <summary>
    /// Builds and keeps the month's file of an owner (the entity's own or an employer's): its rank among the month's files, an
    /// "annule et remplace" once one was deposited, refused after the due date; drafts not deposited are superseded.
    /// </summary>
    internal async Task<DsnFilingView> KeepAsync(DsnOwner owner, DateOnly first, Func<int, bool, Task<DsnDocument>> build, Actor actor, CancellationToken ct)
    {
        PayrollAccess.RequireStaff(actor);
        var period = $"{first.Year:D4}-{first.Month:D2}";
        var earlier = await db.Set<DsnFiling>().Where(f => f.LegalEntityId == owner.Declarant && f.EmployerId == owner.EmployerId && f.Period == period).ToListAsync(ct);
        var deposited = earlier.SingleOrDefault(f => f.Status == DsnFilingStatus.Sent);
        var deadline = await DeadlineAsync(first, owner.Headcount, ct);
        if (deposited is not null && clock.Today() > deadline)
        {
            throw new DomainException(PayrollErrors.DsnDeadlinePassed, $"La DSN de {period} a été déposée et son échéance, le {deadline:dd/MM/yyyy}, est passée : une erreur se corrige dans la DSN du mois suivant.");
        }

        var ordinal = earlier.Count == 0 ? 1 : earlier.Max(f => f.Ordinal) + 1;
        var document = await build(ordinal, deposited is not null);
        var filing = new DsnFiling
        {
            Id = Guid.CreateVersion7(), LegalEntityId = owner.Declarant, EmployerId = owner.EmployerId, EmployerName = owner.EmployerName, Deadline = deadline, Period = period,
            Ordinal = ordinal, Type = TypeOf(document.Content), FileName = document.FileName, Content = document.Content, Sha256 = Convert.ToHexStringLower(SHA256.HashData(document.Content)),
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Name, Status = DsnFilingStatus.Built,
        };
        foreach (var draft in earlier.Where(f => f.Status == DsnFilingStatus.Built))
        {
            draft.Status = DsnFilingStatus.Replaced;   // never deposited: the newer file is the one to deposit
        }

        db.Add(filing);
        var code = await CodeAsync(owner.Declarant, ct);
        audit.Record(actor, "payroll.dsn_filed", "dsn_filing", filing.Id.ToString(), null, new { Entity = code, filing.EmployerId, filing.Period, filing.Ordinal, filing.Type, filing.Sha256 });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw new DomainException(ConcurrencyErrors.Modified);   // another file of the month was built at the same moment
        }

        return View(filing, code, deadline);
    }

    /// <summary>Payroll staff deposited the file: its receipt is noted; the month's deposited file it replaces is marked replaced.</summary>
    public async Task<DsnFilingView> MarkSentAsync(Guid id, DsnSentInput input, Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        var filing = await db.Set<DsnFiling>().SingleOrDefaultAsync(f => f.Id == id, ct) ?? throw new DomainException(PayrollErrors.NotFound);
        var v = new Validation();
        var reference = v.Required("DepositReference", "La référence du dépôt (accusé de net-entreprises)", input.DepositReference, 100);
        v.ThrowIfInvalid();
        if (filing.Status != DsnFilingStatus.Built)
        {
            throw new DomainException(PayrollErrors.DsnFilingState);
        }

        foreach (var replaced in await db.Set<DsnFiling>()
            .Where(f => f.LegalEntityId == filing.LegalEntityId && f.EmployerId == filing.EmployerId && f.Period == filing.Period && f.Status == DsnFilingStatus.Sent).ToListAsync(ct))
        {
            replaced.Status = DsnFilingStatus.Replaced;
        }

        (filing.Status, filing.SentAt, filing.SentBy, filing.DepositReference) = (DsnFilingStatus.Sent, clock.GetUtcNow().UtcDateTime, actor.Name, reference);
        audit.Record(actor, "payroll.dsn_sent", "dsn_filing", filing.Id.ToString(), null, new { filing.Period, filing.Ordinal, filing.DepositReference });
        await db.SaveChangesAsync(ct);
        return View(filing, await CodeAsync(filing.LegalEntityId, ct), await DeadlineOfAsync(filing, ct));
    }

    /// <summary>The files kept, newest first, for an entity and month when given.</summary>
    public async Task<IReadOnlyList<DsnFilingView>> ListAsync(string? entity, string? month, Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        var query = db.Set<DsnFiling>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(entity) || !string.IsNullOrWhiteSpace(month))
        {
            var (found, first) = await dsn.ReadAsync(entity, month, ct);
            var period = $"{first.Year:D4}-{first.Month:D2}";
            query = query.Where(f => f.LegalEntityId == found.Id && f.EmployerId == null && f.Period == period);
        }

        return await ViewsAsync(query, ct);
    }

    /// <summary>
    /// Payroll's home: last month's DSN of each entity that paid someone that month (validated payslips) and has not deposited it
    /// yet, with its due date. Employers under mandate are followed on their own page.
    /// </summary>
    public async Task<IReadOnlyList<DsnDue>> DueAsync(Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        var today = clock.Today();
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var period = $"{first.Year:D4}-{first.Month:D2}";
        var paying = await db.Set<Payslip>().AsNoTracking().Where(p => p.Period == period && p.Status != PayslipStatus.Computed)
            .Join(db.Set<Job>(), p => p.JobId, j => j.Id, (p, j) => j.LegalEntityId).Distinct().ToListAsync(ct);
        var filings = await db.Set<DsnFiling>().AsNoTracking().Where(f => f.Period == period && f.EmployerId == null && f.Status != DsnFilingStatus.Replaced)
            .Select(f => new { f.LegalEntityId, f.Status }).ToListAsync(ct);
        var deadline = await DeadlineAsync(first, employer.Value.Headcount, ct);
        var codes = (await entities.ListAsync(ct)).ToDictionary(e => e.Id, e => e.Code);
        return paying.Where(e => !filings.Any(f => f.LegalEntityId == e && f.Status == DsnFilingStatus.Sent))
            .Select(e => new DsnDue(codes[e], period, deadline, filings.Any(f => f.LegalEntityId == e))).OrderBy(d => d.Entity, StringComparer.Ordinal).ToList();
    }

    /// <summary>The kept file, byte for byte as it was built.</summary>
    public async Task<DsnDocument> FileOfAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        var filing = await db.Set<DsnFiling>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct) ?? throw new DomainException(PayrollErrors.NotFound);
        await audit.RecordPersonalDataReadAsync(actor, filing.FileName, null, ct);
        return new DsnDocument(filing.FileName, DsnFile.ContentType, filing.Content);
    }

    /// <summary>The files of an employer under mandate, newest first.</summary>
    internal async Task<IReadOnlyList<DsnFilingView>> ListOfEmployerAsync(Guid employerId, Actor actor, CancellationToken ct)
    {
        PayrollAccess.RequireStaff(actor);
        return await ViewsAsync(db.Set<DsnFiling>().AsNoTracking().Where(f => f.EmployerId == employerId), ct);
    }

    /// <summary>The newest 100 files of a query as staff read them, the entity codes read once.</summary>
    private async Task<IReadOnlyList<DsnFilingView>> ViewsAsync(IQueryable<DsnFiling> query, CancellationToken ct)
    {
        var rows = await query.OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.Ordinal).Take(100).ToListAsync(ct);
        var codes = (await entities.ListAsync(ct)).ToDictionary(e => e.Id, e => e.Code);
        var views = new List<DsnFilingView>(rows.Count);
        foreach (var row in rows)
        {
            views.Add(View(row, codes[row.LegalEntityId], await DeadlineOfAsync(row, ct)));
        }

        return views;
    }

    /// <summary>The due date kept with the file, or for a file kept before it was, the entity's.</summary>
    private async Task<DateOnly> DeadlineOfAsync(DsnFiling filing, CancellationToken ct) =>
        filing.Deadline ?? await DeadlineAsync(PeriodStart(filing.Period), employer.Value.Headcount, ct);

    /// <summary>The month's due date: the 5th of the next month from 50 employees, else the 15th (dated parameters).</summary>
    private async Task<DateOnly> DeadlineAsync(DateOnly first, int headcount, CancellationToken ct)
    {
        var catalog = await parameters.CatalogAsync(ct);
        var next = first.AddMonths(1);
        var large = headcount >= (catalog.ValueOn("seuil_50", first) ?? 50);
        var day = (int)(catalog.ValueOn(large ? "dsn_echeance_jour_50" : "dsn_echeance_jour", next) ?? 5);
        return new DateOnly(next.Year, next.Month, Math.Min(day, DateTime.DaysInMonth(next.Year, next.Month)));
    }

    private static DateOnly PeriodStart(string period) => DateOnly.ParseExact(period + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<string> CodeAsync(LegalEntityId id, CancellationToken ct) => (await entities.ListAsync(ct)).Single(e => e.Id == id).Code;

    /// <summary>S20.G00.05.002 as the writer put it in the file.</summary>
    private static string TypeOf(byte[] content)
    {
        const string Rubric = "S20.G00.05.002,'";
        var text = System.Text.Encoding.Latin1.GetString(content);
        var at = text.IndexOf(Rubric, StringComparison.Ordinal);
        return at < 0 ? string.Empty : text.Substring(at + Rubric.Length, 2);
    }

    private static DsnFilingView View(DsnFiling f, string entity, DateOnly deadline) =>
        new(f.Id, entity, f.Period, f.Ordinal, f.Type, f.FileName, f.Sha256, f.Status, f.CreatedAt, f.CreatedBy, f.SentAt, f.SentBy, f.DepositReference, deadline)
        {
            EmployerId = f.EmployerId, EmployerName = f.EmployerName,
        };

    public static void Map(RouteGroupBuilder staff)
    {
        staff.MapPost("/dsn-filings", async (DsnFilingInput input, FileEntityDsn handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var filed = await handler.FileAsync(input, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/payroll/dsn-filings/{filed.Id}/file", filed);
            })
            .WithName("FileEntityDsn").WithSummary("Constituer et conserver la DSN mensuelle d'une entité (annule et remplace la DSN déposée, avant l'échéance)").ProducesProblems();
        staff.MapGet("/dsn-filings", async (string? entity, string? month, FileEntityDsn handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.ListAsync(entity, month, await actors.GetAsync(ct), ct))
            .WithName("DsnFilings").WithSummary("Les DSN conservées, les plus récentes d'abord (entity et month pour un mois)").ProducesProblems();
        staff.MapGet("/dsn-filings/{id:guid}/file", async (Guid id, FileEntityDsn handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var file = await handler.FileOfAsync(id, await actors.GetAsync(ct), ct);
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .WithName("DsnFilingFile").WithSummary("Le fichier d'une DSN conservée, à l'octet près").ProducesProblems().Produces(StatusCodes.Status200OK, contentType: "text/plain");
        staff.MapPost("/dsn-filings/{id:guid}/sent", async (Guid id, DsnSentInput input, FileEntityDsn handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.MarkSentAsync(id, input, await actors.GetAsync(ct), ct))
            .WithName("DsnFilingSent").WithSummary("Noter le dépôt d'une DSN conservée sur net-entreprises (référence de l'accusé)").ProducesProblems();
    }
}
