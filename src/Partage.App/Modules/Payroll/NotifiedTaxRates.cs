using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Members;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll;

/// <summary>The income-tax rate the tax office notified for an employee (DSN return), from a date.</summary>
public sealed class NotifiedTaxRate
{
    public Guid Id { get; init; }

    public MemberId MemberId { get; init; }

    public decimal Rate { get; init; }

    public DateOnly From { get; init; }

    public string Source { get; init; } = string.Empty;

    public DateTime CreatedAt { get; init; }

    public string CreatedBy { get; init; } = string.Empty;
}

internal sealed class NotifiedTaxRateConfiguration : IEntityTypeConfiguration<NotifiedTaxRate>
{
    public void Configure(EntityTypeBuilder<NotifiedTaxRate> builder)
    {
        builder.ToTable("payroll_notified_tax_rates");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Rate).HasPrecision(6, 4);
        builder.Property(r => r.Source).HasMaxLength(300);
        builder.Property(r => r.CreatedBy).HasMaxLength(200);
        builder.HasIndex(r => new { r.MemberId, r.From }).IsUnique();
    }
}

/// <param name="MemberId">The member's id, or their member number.</param>
public sealed record NotifiedTaxRateInput(string? MemberId, string? Rate, string? From, string? Source);

public sealed record NotifiedTaxRateView(MemberId MemberId, decimal Rate, DateOnly From, string Source, string CreatedBy)
{
    public string? MemberName { get; init; }
}

/// <summary>
/// The withholding rates the tax office notified for members (entered by payroll staff from the
/// DSN returns); a payslip uses the one in force at the end of the job, else the default grid.
/// </summary>
public sealed class NotifiedTaxRates(PartageDbContext db, PayrollParameters parameters, IMembersApi members, IAuditLog audit, TimeProvider clock)
{
    public async Task<NotifiedTaxRateView> AddAsync(NotifiedTaxRateInput input, Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        var v = new Infrastructure.Validation();
        var memberId = Guid.TryParse(input.MemberId, out var id) ? MemberId.From(id)
            : long.TryParse(input.MemberId?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? await members.FindMemberIdByNumberAsync(number, ct) : null;
        var member = memberId is { } m ? await members.EmployeeAsync(m, ct) : null;
        if (member is null)
        {
            v.Add("MemberId", "Aucun membre n'a ce numéro.");
        }

        var (rate, from, source) = v.NotifiedTaxRate(input.Rate, input.From, input.Source, await parameters.CatalogAsync(ct));
        v.ThrowIfInvalid();
        if (await db.Set<NotifiedTaxRate>().AnyAsync(r => r.MemberId == member!.Id && r.From == from, ct))
        {
            throw new DomainException(PayrollErrors.SettingExists);
        }

        var row = new NotifiedTaxRate { Id = Guid.CreateVersion7(), MemberId = member!.Id, Rate = rate!.Value, From = from!.Value, Source = source, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Name };
        db.Add(row);
        audit.Record(actor, "payroll.tax_rate_added", "member", member.Id.ToString(), null, new { row.Rate, From = row.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row.Source });
        await db.SaveChangesAsync(ct);
        return new NotifiedTaxRateView(row.MemberId, row.Rate, row.From, row.Source, row.CreatedBy);
    }

    public async Task<IReadOnlyList<NotifiedTaxRateView>> ListAsync(MemberId member, Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        return (await db.Set<NotifiedTaxRate>().AsNoTracking().Where(r => r.MemberId == member).ToListAsync(ct))
            .OrderBy(r => r.From).Select(r => new NotifiedTaxRateView(r.MemberId, r.Rate, r.From, r.Source, r.CreatedBy)).ToList();
    }

    /// <summary>The last rates entered, newest first, with the members' names (the parameters page).</summary>
    public async Task<IReadOnlyList<NotifiedTaxRateView>> RecentAsync(int count, Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        var rows = await db.Set<NotifiedTaxRate>().AsNoTracking().OrderByDescending(r => r.CreatedAt).Take(count).ToListAsync(ct);
        var names = await members.FindManyAsync(rows.Select(r => r.MemberId).Distinct().ToList(), ct);
        return rows.Select(r => new NotifiedTaxRateView(r.MemberId, r.Rate, r.From, r.Source, r.CreatedBy) { MemberName = names.GetValueOrDefault(r.MemberId)?.FullName }).ToList();
    }

    /// <summary>The rates in force on each member's date, for a payroll run (one query).</summary>
    internal async Task<Dictionary<MemberId, List<NotifiedTaxRate>>> ForMembersAsync(IReadOnlyCollection<MemberId> ids, CancellationToken ct) =>
        (await db.Set<NotifiedTaxRate>().AsNoTracking().Where(r => ids.Contains(r.MemberId)).ToListAsync(ct))
            .GroupBy(r => r.MemberId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.From).ToList());

    public static void Map(RouteGroupBuilder staff)
    {
        staff.MapGet("/tax-rates", async (Guid? member, NotifiedTaxRates rates, ActorAccessor actors, CancellationToken ct) =>
                await rates.ListAsync(MemberId.From(member ?? Guid.Empty), await actors.GetAsync(ct), ct))
            .WithName("NotifiedTaxRates").WithSummary("Les taux de prélèvement à la source transmis pour un membre (service paie)").ProducesProblems();
        staff.MapPost("/tax-rates", async (NotifiedTaxRateInput input, NotifiedTaxRates rates, ActorAccessor actors, CancellationToken ct) =>
            {
                var added = await rates.AddAsync(input, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/payroll/tax-rates?member={added.MemberId}", added);
            })
            .WithName("AddNotifiedTaxRate").WithSummary("Taux de prélèvement transmis par l'administration fiscale pour un membre, à partir d'une date").ProducesProblems();
    }
}
