using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Database;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;

namespace Partage.App.Modules.Employers;

/// <summary>A person an employer hires through the service (not necessarily a member), known by their social security number within the employer.</summary>
public sealed class StaffMember
{
    public Guid Id { get; init; }

    public EmployerId EmployerId { get; init; }

    public string FirstName { get; set; } = string.Empty;

    public string LastName { get; set; } = string.Empty;

    public string Nir { get; init; } = string.Empty;

    public DateOnly BirthDate { get; set; }

    /// <summary>The town of birth (DSN S21.G00.30.007, at most 30 characters); null until given.</summary>
    public string? BirthPlace { get; set; }

    /// <summary>The country of birth (ISO 3166) of someone born abroad; null for France.</summary>
    public string? BirthCountry { get; set; }

    public string Iban { get; set; } = string.Empty;

    public DateTime CreatedAt { get; init; }

    public string FullName => $"{FirstName} {LastName}";
}

/// <summary>The income-tax rate the tax office notified for one of an employer's staff (the DSN's return), from a date; never edited, a later row takes over.</summary>
public sealed class StaffTaxRate
{
    public Guid Id { get; init; }

    public EmployerId EmployerId { get; init; }

    public Guid StaffMemberId { get; init; }

    public decimal Rate { get; init; }

    public DateOnly From { get; init; }

    public string Source { get; init; } = string.Empty;

    public DateTime CreatedAt { get; init; }

    public string CreatedBy { get; init; } = string.Empty;
}

/// <summary>A fixed-term contract (CDD or CDD d'usage) the employer submits for one of its staff; the figures are fixed when submitted.</summary>
public sealed class StaffContract
{
    public Guid Id { get; init; }

    public string Number { get; init; } = string.Empty;

    public EmployerId EmployerId { get; init; }

    public Guid StaffMemberId { get; init; }

    public EmployeeKind Kind { get; init; }

    public bool Cadre { get; init; }

    public string Job { get; init; } = string.Empty;

    /// <summary>The event or production the contract is for (a festival, a tour), as the employer names it.</summary>
    public string Event { get; init; } = string.Empty;

    public DateOnly Start { get; init; }

    public DateOnly End { get; init; }

    public decimal? Hours { get; init; }

    public int? Cachets { get; init; }

    public long GrossCents { get; init; }

    /// <summary>Costs the cooperative advances to the employee for the employer (meals, lodging), paid with the wage and invoiced at cost.</summary>
    public long AllowancesCents { get; init; }

    /// <summary>The DFS an artist consented to (dramatic or musician), if any: the social base is the gross less its rate, within the yearly cap.</summary>
    public string? Dfs { get; init; }

    /// <summary>A technician's days actually worked over the contract, when fewer than its calendar days: their ceiling counts these (split over the months like cachets).</summary>
    public int? WorkedDays { get; init; }

    /// <summary>When the DPAE data was recorded (at submission, before the start).</summary>
    public DateTime DpaeRecordedAt { get; init; }

    public DateTime CreatedAt { get; init; }

    public string CreatedBy { get; init; } = string.Empty;

    /// <summary>The contract's calendar months with their share of work and gross, by period ("2026-11").</summary>
    internal IReadOnlyDictionary<string, ContractMonth> Months() =>
        ContractMonths.Split(Start, End, Hours, Cachets, GrossCents, WorkedDays).ToDictionary(m => m.Period);
}

public enum StaffPayslipStatus
{
    Computed,
    Validated,
    Paid,
}

/// <summary>A payslip of an employer's staff for one month of a contract, computed by the payroll engine with the employer's own parameters.</summary>
public sealed class StaffPayslip : IVersioned, IEmployerOwned
{
    public int RowVersion { get; set; }

    public Guid Id { get; init; }

    public string Number { get; init; } = string.Empty;

    public Guid ContractId { get; init; }

    public EmployerId EmployerId { get; init; }

    public MandateKind Mandate { get; init; }

    public string Period { get; init; } = string.Empty;

    public DateOnly From { get; init; }

    public DateOnly To { get; init; }

    public string ResultJson { get; init; } = string.Empty;

    /// <summary>The amounts kept from the engine's result and the tax withheld (the same figures as a member's payslip).</summary>
    public PayslipFigures Figures { get; init; } = null!;

    /// <summary>The contract's allowances, on its last payslip.</summary>
    public long AllowancesCents { get; init; }

    public DateOnly DueOn { get; init; }

    public StaffPayslipStatus Status { get; set; }

    public DateTime ComputedAt { get; init; }

    public DateTime? ValidatedAt { get; set; }

    public string? ValidatedBy { get; set; }

    public Guid? EntryId { get; set; }

    public Guid? PaymentBatchId { get; set; }

    public DateOnly? PaidOn { get; set; }

    public Guid? InvoiceId { get; set; }

    /// <summary>What the cooperative advances for the employer: the net paid and the allowances, plus under a complete mandate the contributions and the tax withheld.</summary>
    public long AdvanceCents => Figures.NetPaidCents + AllowancesCents + (Mandate == MandateKind.Complete ? Figures.EmployerCostCents - Figures.NetPaidCents : 0);

    /// <summary>The engine's result as computed, line by line (the payslip's figures never change after).</summary>
    internal PayrollResult Result() => JsonSerializer.Deserialize<PayrollResult>(ResultJson, PayrollJson.Options)!;

    /// <summary>Only a computed payslip is validated (before anything is posted for it).</summary>
    internal void RequireComputed()
    {
        if (Status != StaffPayslipStatus.Computed)
        {
            throw new DomainException(EmployersErrors.WrongStatus, "Ce bulletin est déjà validé.");
        }
    }

    /// <summary>Payroll staff validated it and its advance to the employer was posted as <paramref name="entry"/>.</summary>
    internal void Validate(Guid entry, DateTime at, string by)
    {
        RequireComputed();
        (Status, ValidatedAt, ValidatedBy, EntryId) = (StaffPayslipStatus.Validated, at, by, entry);
    }
}

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.ToTable("employer_staff");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.FirstName).HasMaxLength(100);
        builder.Property(s => s.LastName).HasMaxLength(100);
        builder.Property(s => s.Nir).HasMaxLength(PersonalDataCipher.MaxLength).HasConversion((Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter)PersonalDataCipher.Converter);
        builder.Property(s => s.Iban).HasMaxLength(PersonalDataCipher.MaxLength).HasConversion((Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter)PersonalDataCipher.Converter);
        builder.Property(s => s.BirthPlace).HasMaxLength(Birthplace.PlaceMaxLength);
        builder.Property(s => s.BirthCountry).HasMaxLength(2);
        builder.HasIndex(s => new { s.EmployerId, s.Nir }).IsUnique();
        builder.HasOne<Employer>().WithMany().HasForeignKey(s => s.EmployerId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(s => s.FullName);
    }
}

internal sealed class StaffTaxRateConfiguration : IEntityTypeConfiguration<StaffTaxRate>
{
    public void Configure(EntityTypeBuilder<StaffTaxRate> builder)
    {
        builder.ToTable("employer_staff_tax_rates");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Rate).HasPrecision(6, 4);
        builder.Property(r => r.Source).HasMaxLength(300);
        builder.Property(r => r.CreatedBy).HasMaxLength(200);
        builder.HasIndex(r => new { r.StaffMemberId, r.From }).IsUnique();
        builder.HasOne<Employer>().WithMany().HasForeignKey(r => r.EmployerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(r => r.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StaffContractConfiguration : IEntityTypeConfiguration<StaffContract>
{
    public void Configure(EntityTypeBuilder<StaffContract> builder)
    {
        builder.ToTable("employer_contracts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Number).HasMaxLength(35);
        builder.HasIndex(c => c.Number).IsUnique();
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Job).HasMaxLength(100);
        builder.Property(c => c.Event).HasMaxLength(200);
        builder.Property(c => c.Dfs).HasMaxLength(20);
        builder.Property(c => c.Hours).HasPrecision(7, 2);
        builder.Property(c => c.CreatedBy).HasMaxLength(200);
        builder.HasOne<Employer>().WithMany().HasForeignKey(c => c.EmployerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(c => c.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.StaffMemberId, c.Start });
    }
}

internal sealed class StaffPayslipConfiguration : IEntityTypeConfiguration<StaffPayslip>
{
    public void Configure(EntityTypeBuilder<StaffPayslip> builder)
    {
        builder.ToTable("employer_payslips");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Number).HasMaxLength(35);
        builder.HasIndex(p => p.Number).IsUnique();
        builder.HasIndex(p => new { p.ContractId, p.Period }).IsUnique();
        builder.Property(p => p.Mandate).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.Period).HasMaxLength(7);
        builder.MapFigures(p => p.Figures);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(p => p.ValidatedBy).HasMaxLength(200);
        builder.HasOne<StaffContract>().WithMany().HasForeignKey(p => p.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.Status, p.DueOn });
        builder.HasIndex(p => new { p.EmployerId, p.Period });
        builder.HasIndex(p => p.PaymentBatchId);
        builder.Ignore(p => p.AdvanceCents);
    }
}
