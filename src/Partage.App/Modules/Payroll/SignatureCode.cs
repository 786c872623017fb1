using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.App.Infrastructure;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll;

/// <summary>Who signs a contract: the member (the employee), or the cooperative (its countersignature).</summary>
public enum Signer
{
    Member,
    Cooperative,
}

/// <summary>
/// A one-time code sent by e-mail to the person who signs a contract: typing it back shows that the signature was made by
/// the owner of that mailbox. Only a hash is kept; the row's id is the signature's evidence (« code n° … »).
/// </summary>
public sealed class SignatureCode
{
    public Guid Id { get; init; }

    public JobId JobId { get; init; }

    public Signer Signer { get; init; }

    /// <summary>The account that asked for it (the countersigner must be the same person); null for a member signing without an account session (the demo).</summary>
    public Guid? UserId { get; init; }

    /// <summary>The address the code went to, kept as evidence.</summary>
    public string SentTo { get; init; } = string.Empty;

    public string CodeHash { get; init; } = string.Empty;

    public DateTime CreatedAt { get; init; }

    public DateTime ExpiresAt { get; init; }

    public int Attempts { get; set; }

    public DateTime? UsedAt { get; set; }
}

internal sealed class SignatureCodeConfiguration : IEntityTypeConfiguration<SignatureCode>
{
    public void Configure(EntityTypeBuilder<SignatureCode> builder)
    {
        builder.ToTable("payroll_signature_codes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Signer).HasConversion<string>().HasMaxLength(12);
        builder.Property(c => c.SentTo).HasMaxLength(256);
        builder.Property(c => c.CodeHash).HasMaxLength(64);
        builder.HasIndex(c => new { c.JobId, c.Signer, c.CreatedAt });
        builder.HasOne<Job>().WithMany().HasForeignKey(c => c.JobId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// Issues and spends the one-time codes of contract signatures: six digits, worth ten minutes, five tries, five codes an
/// hour per contract and signer; spent once, by a conditional update, so that a double click signs once.
/// </summary>
public sealed class SignatureCodes(PartageDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Validity = TimeSpan.FromMinutes(10);
    public const int MaxAttempts = 5;
    public const int MaxPerHour = 5;

    /// <summary>A new code for this contract and signer, to send to <paramref name="sentTo"/>; the clear code is only returned, never stored.</summary>
    public async Task<(SignatureCode Code, string Clear)> IssueAsync(JobId job, Signer signer, Guid? userId, string sentTo, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lastHour = now.AddHours(-1);
        if (await db.Set<SignatureCode>().CountAsync(c => c.JobId == job && c.Signer == signer && c.CreatedAt > lastHour, ct) >= MaxPerHour)
        {
            throw new DomainException(PayrollErrors.TooManySignatureCodes);
        }

        var clear = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var id = Guid.CreateVersion7();
        var code = new SignatureCode
        {
            Id = id, JobId = job, Signer = signer, UserId = userId, SentTo = sentTo, CreatedAt = now, ExpiresAt = now + Validity, CodeHash = Hash(id, clear),
        };
        db.Add(code);
        return (code, clear);
    }

    /// <summary>
    /// Checks the code typed for this contract and signer against the last one sent and spends it (inside the caller's
    /// transaction); a wrong code counts a try at once. Reports to <paramref name="v"/> and returns null when refused.
    /// </summary>
    public async Task<SignatureCode?> SpendAsync(JobId job, Signer signer, Guid? userId, string? typed, Validation v, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var digits = (typed ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        // The member's last code; a countersigner's own last one (two staff members may each ask for one).
        var last = await db.Set<SignatureCode>().AsNoTracking().Where(c => c.JobId == job && c.Signer == signer && (signer == Signer.Member || c.UserId == userId))
            .OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(ct);
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit))
        {
            v.Add("Code", "Tapez le code à six chiffres reçu par e-mail (ou par SMS).");
        }
        else if (last is null || last.UsedAt is not null || last.ExpiresAt <= now)
        {
            v.Add("Code", $"Aucun code valable n'attend pour ce contrat : demandez-en un (un code vaut {Validity.TotalMinutes:0} minutes et sert une fois).");
        }
        else if (last.Attempts >= MaxAttempts)
        {
            v.Add("Code", "Trop d'essais avec ce code : demandez-en un nouveau.");
        }
        else if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(last.CodeHash), Encoding.ASCII.GetBytes(Hash(last.Id, digits))))
        {
            // Counted at once, whatever happens to the signature's own unit of work.
            await db.Set<SignatureCode>().Where(c => c.Id == last.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Attempts, c => c.Attempts + 1), ct);
            v.Add("Code", $"Ce code n'est pas le bon ({MaxAttempts - last.Attempts - 1} essai(s) restant(s)).");
        }
        else if (await db.Set<SignatureCode>().Where(c => c.Id == last.Id && c.UsedAt == null).ExecuteUpdateAsync(u => u.SetProperty(c => c.UsedAt, now), ct) == 0)
        {
            v.Add("Code", "Ce code a déjà servi.");
        }
        else
        {
            return last;
        }

        return null;
    }

    private static string Hash(Guid id, string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{id:N}:{code}")));

    /// <summary>A name as typed, compared without accents, case, hyphens or doubled spaces, in either order of first and last name.</summary>
    public static bool SameName(string typed, string firstName, string lastName)
    {
        static string Key(string name) => Text.SearchKey(new string(name.Select(c => char.IsLetter(c) ? c : ' ').ToArray()));
        var key = Key(typed);
        return key.Length > 0 && (key == Key($"{firstName} {lastName}") || key == Key($"{lastName} {firstName}"));
    }
}
