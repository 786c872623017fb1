using Partage.Kernel;

namespace Partage.App.Modules.Governance;

public sealed record RegisterLine(ShareholderId Id, long? Number, string Name, int Category, string CategoryLabel, bool Active, int Shares, Money Subscribed, Money Paid);

/// <summary>The shareholders of a category on a day (the table of the annual report): who is a shareholder, their shares and capital.</summary>
public sealed record CategoryLine(int Category, string Label, int Shareholders, int Shares, Money Capital);

public sealed record ShareMovementLine(string Number, DateOnly On, long? HolderNumber, string HolderName, string KindLabel, int Shares, Money Subscribed, Money Paid);

/// <summary>
/// The register on a day: the shareholders then (admitted on or before it, not left), each in the category they had that
/// day, with what they held; the capital subscribed and paid; the nine categories' table; and the year's movements.
/// </summary>
public sealed record ShareRegisterView(
    string EntityCode, DateOnly Date, int Shareholders, int Shares, Money Capital, Money PaidCapital, IReadOnlyList<CategoryLine> ByCategory,
    IReadOnlyList<RegisterLine> Lines, IReadOnlyList<ShareMovementLine> MovementsOfYear);
