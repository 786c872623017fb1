using Partage.Kernel;

namespace Partage.App.Infrastructure;

/// <summary>Why a manager or payroll sends something back to its member (an invoice to validate, a contract to countersign).</summary>
public sealed record SendBackInput(string? Reason)
{
    public const int MaxReason = 500;

    /// <summary>The reason, required and bounded: the member must understand what to change.</summary>
    public string CheckedReason()
    {
        var v = new Validation();
        var reason = v.Required(nameof(Reason), "Le motif", Reason, MaxReason);
        v.ThrowIfInvalid();
        return reason;
    }
}
