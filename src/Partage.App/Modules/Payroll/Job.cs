using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.App.Modules.Activities;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll;

/// <summary>Declared → signed by the member → countersigned by the cooperative (DPAE recorded) → … ; or cancelled before it starts.</summary>
public enum JobStatus
{
    Declared,
    Signed,
    Countersigned,
    Cancelled,
}

/// <summary>
/// A job a member declares in one of their activities, and the fixed-term contract (CDD or CDD
/// d'usage) the cooperative signs with them for it. The pay and dates are fixed when declared;
/// a change is a new job.
/// </summary>
public sealed class Job : IVersioned
{
    public int RowVersion { get; set; }

    public JobId Id { get; init; }

    public string Number { get; init; } = string.Empty;

    public ActivityId ActivityId { get; init; }

    public MemberId MemberId { get; init; }

    public OfficeId OfficeId { get; init; }

    public LegalEntityId LegalEntityId { get; init; }

    public EmployeeKind Kind { get; init; }

    public bool Cadre { get; init; }

    public string TradeCode { get; init; } = string.Empty;

    public string Description { get; init; } = string.Empty;

    public string Place { get; init; } = string.Empty;

    /// <summary>An intermittent's function, show or recording and organiser (annexes 8 and 10, the GUSO boundary); null for the régime général.</summary>
    public JobProduction? Production { get; init; }

    public DateOnly Start { get; init; }

    public DateOnly End { get; init; }

    public decimal? Hours { get; init; }

    public int? Cachets { get; init; }

    /// <summary>A technician's days actually worked when fewer than the contract's days (the daily ceiling counts them); null: every day.</summary>
    public int? WorkedDays { get; init; }

    public long GrossCents { get; init; }

    /// <summary>The employer cost computed when declared: what the activity commits to.</summary>
    public long EmployerCostCents { get; init; }

    public long NetCents { get; init; }

    public string UsageReason { get; init; } = string.Empty;

    /// <summary>"dramatic" or "musician" when the artist consented to the DFS.</summary>
    public string? Dfs { get; init; }

    /// <summary>
    /// Why a régime général CDD's end-of-contract indemnity is not due (L1243-10): known at hiring (student_holidays) or
    /// recorded by payroll staff before the last payslip (cdi_refused); null: due.
    /// </summary>
    public string? PrecarityExemption { get; set; }

    public JobStatus Status { get; set; }

    public DateTime? MemberSignedAt { get; set; }

    public string? MemberSignatureName { get; set; }

    public string? MemberSignatureIp { get; set; }

    /// <summary>The one-time code the member typed to sign (<see cref="SignatureCode"/>): the evidence that she signed.</summary>
    public Guid? MemberSignatureCodeId { get; set; }

    /// <summary>SHA-256 of the contract's clauses as signed (its print without the signatures): what both signatures bind.</summary>
    public string? SignedTermsSha256 { get; set; }

    /// <summary>The name the countersigner typed, their address and code.</summary>
    public string? CountersignatureName { get; set; }

    public string? CountersignatureIp { get; set; }

    public Guid? CountersignatureCodeId { get; set; }

    public DateTime? CountersignedAt { get; set; }

    public string? CountersignedBy { get; set; }

    /// <summary>When the DPAE data was recorded (before the start date, with the countersignature).</summary>
    public DateTime? DpaeRecordedAt { get; set; }

    public EntryId? CommitmentEntryId { get; set; }

    public DateTime CreatedAt { get; init; }

    public string CreatedBy { get; init; } = string.Empty;

    public ContractType ContractType => Kind == EmployeeKind.RegimeGeneral ? ContractType.Cdd : ContractType.Cddu;

    public int Days => End.DayNumber - Start.DayNumber + 1;

    /// <summary>One day per week of contract, at most two weeks (art. L1242-10); a CDD d'usage declares none to the DPAE.</summary>
    public int TrialDays => Math.Max(1, Math.Min(Days / 7, 14));

    /// <summary>The wage is due the 7th day after the end of the service.</summary>
    public DateOnly PayDay(int daysAfterEnd) => End.AddDays(daysAfterEnd);

    /// <summary>
    /// The member signs ("lu et approuvé"), before the start date: her name as typed, the time, her address, the one-time
    /// code she typed and the fingerprint of the clauses she signed are kept.
    /// </summary>
    public void Sign(string name, string? ip, DateTime at, DateOnly today, Guid codeId, string termsSha256)
    {
        RequireSignable(today);

        Status = JobStatus.Signed;
        MemberSignedAt = at;
        MemberSignatureName = name;
        MemberSignatureIp = ip;
        MemberSignatureCodeId = codeId;
        SignedTermsSha256 = termsSha256;
    }

    /// <summary>Before a code is spent on signing: the contract waits for the member's signature, before its start.</summary>
    public void RequireSignable(DateOnly today)
    {
        RequireBeforeStart(today);
        if (Status != JobStatus.Declared)
        {
            throw new DomainException(PayrollErrors.WrongJobStatus, "Ce contrat n'attend pas votre signature.");
        }
    }

    /// <summary>Before <see cref="Countersign"/> posts the commitment: the member must have signed, before the start date.</summary>
    public void RequireCountersignable(DateOnly today)
    {
        RequireBeforeStart(today);
        if (Status != JobStatus.Signed)
        {
            throw new DomainException(PayrollErrors.WrongJobStatus, "Le membre doit signer son contrat avant la contre-signature.");
        }
    }

    /// <summary>
    /// The cooperative countersigns: the DPAE data is recorded at the same moment, the commitment entry kept, and the
    /// countersigner's evidence as the member's (<paramref name="signature"/>: name typed, address, code).
    /// </summary>
    public void Countersign(string by, DateTime at, EntryId commitment, DateOnly today, (string Name, string? Ip, Guid CodeId) signature)
    {
        RequireCountersignable(today);
        Status = JobStatus.Countersigned;
        CountersignedAt = at;
        CountersignedBy = by;
        (CountersignatureName, CountersignatureIp, CountersignatureCodeId) = signature;
        DpaeRecordedAt = at;
        CommitmentEntryId = commitment;
    }

    /// <summary>Why a manager or payroll sent the contract back before the countersignature (the job is then cancelled).</summary>
    public string? ReturnReason { get; private set; }

    /// <summary>
    /// Sent back to the member before the countersignature: nothing was committed nor declared yet, so the job is cancelled
    /// with its reason, and the member declares it again as it should be (a job's pay and dates never change).
    /// </summary>
    public void SendBack(string reason)
    {
        if (Status is not (JobStatus.Declared or JobStatus.Signed))
        {
            throw new DomainException(PayrollErrors.WrongJobStatus, "Seul un contrat pas encore contre-signé peut être renvoyé au membre.");
        }

        Status = JobStatus.Cancelled;
        ReturnReason = reason;
    }

    private void RequireBeforeStart(DateOnly today)
    {
        if (today >= Start)
        {
            throw new DomainException(PayrollErrors.TooLate, $"Le contrat se signe et la DPAE se fait avant le début du travail ({Start:dd/MM/yyyy}) : déclarez un nouveau travail.");
        }
    }
}

public static class JobLabels
{
    public static string Status(JobStatus status) => status switch
    {
        JobStatus.Declared => "Contrat à signer par le membre",
        JobStatus.Signed => "Contrat à contre-signer",
        JobStatus.Countersigned => "Contrat signé, DPAE faite",
        _ => "Renvoyé au membre, annulé",
    };

    /// <summary>The colour of the state's badge (the list's CSS classes): waiting for someone, done, or ended without effect.</summary>
    public static string Tone(JobStatus status) => status switch
    {
        JobStatus.Declared or JobStatus.Signed => "open",
        JobStatus.Countersigned => "done",
        _ => "closed",
    };

    /// <summary>Why the end-of-contract indemnity is not due, as staff and members read it.</summary>
    public static string Exemption(string reason) => reason switch
    {
        PrecarityExemptions.StudentHolidays => "emploi d'un jeune pendant ses vacances scolaires ou universitaires, art. L1243-10 2°",
        PrecarityExemptions.CdiRefused => "CDI proposé et refusé par le salarié, art. L1243-10 4°",
        _ => "rupture anticipée à l'initiative du salarié, faute grave ou force majeure, art. L1243-10 4°",
    };

    public static string Kind(EmployeeKind kind) => kind switch
    {
        EmployeeKind.RegimeGeneral => "Salarié (régime général, CDD)",
        EmployeeKind.IntermittentTechnician => "Technicien intermittent (CDDU)",
        _ => "Artiste intermittent (CDDU)",
    };
}

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.ToTable("payroll_jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Number).HasMaxLength(35);
        builder.HasIndex(j => j.Number).IsUnique();
        builder.Property(j => j.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.ReturnReason).HasMaxLength(500);
        builder.Property(j => j.TradeCode).HasMaxLength(40);
        builder.Property(j => j.Description).HasMaxLength(300);
        builder.Property(j => j.Place).HasMaxLength(200);
        builder.Property(j => j.Hours).HasPrecision(7, 2);
        builder.Property(j => j.UsageReason).HasMaxLength(300);
        builder.Property(j => j.Dfs).HasMaxLength(20);
        builder.Property(j => j.PrecarityExemption).HasMaxLength(30);
        builder.Property(j => j.MemberSignatureName).HasMaxLength(200);
        builder.Property(j => j.MemberSignatureIp).HasMaxLength(64);
        builder.Property(j => j.SignedTermsSha256).HasMaxLength(64);
        builder.Property(j => j.CountersignatureName).HasMaxLength(200);
        builder.Property(j => j.CountersignatureIp).HasMaxLength(64);
        builder.Property(j => j.CountersignedBy).HasMaxLength(200);
        builder.Property(j => j.CreatedBy).HasMaxLength(200);
        builder.HasOne<Activity>().WithMany().HasForeignKey(j => j.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(j => new { j.MemberId, j.Start });
        builder.HasIndex(j => new { j.OfficeId, j.Status });
        builder.HasIndex(j => new { j.Start, j.OfficeId });   // the contracts of a period (the report, the dashboards)
        builder.OwnsOne(j => j.Production, p =>
        {
            p.Property(x => x.Function).HasMaxLength(100);
            p.Property(x => x.Title).HasMaxLength(200);
            p.Property(x => x.OrganiserName).HasMaxLength(200);
            p.Property(x => x.OrganiserSiret).HasMaxLength(14);
            p.Property(x => x.OrganiserApe).HasMaxLength(5);
            p.Property(x => x.OrganiserLicence).HasMaxLength(50);
            p.Property(x => x.OrganiserRole).HasMaxLength(20);
            p.HasIndex(x => x.OrganiserSiret);
            p.Ignore(x => x.OrganiserIsOccasional);
        });
        builder.Ignore(j => j.ContractType);
        builder.Ignore(j => j.Days);
    }
}
