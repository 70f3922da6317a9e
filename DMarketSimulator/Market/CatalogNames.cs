using DMarketAspire.DMarket.Client;

namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>The vocabulary titles are built from, per game, in each game's naming style.</summary>
internal static class CatalogNames
{
    public static readonly string[] Cs2Weapons =
    [
        "AK-47", "M4A4", "M4A1-S", "AWP", "Desert Eagle", "USP-S", "Glock-18", "P250", "FAMAS", "Galil AR",
        "SSG 08", "MP9", "MAC-10", "UMP-45", "P90", "Five-SeveN", "Tec-9", "CZ75-Auto", "Nova", "XM1014",
    ];

    public static readonly string[] Cs2Skins =
    [
        "Redline", "Asiimov", "Vulcan", "Hyper Beast", "Neon Rider", "Bloodsport", "Fire Serpent", "Case Hardened",
        "Slate", "Phantom Disruptor", "Printstream", "Fade", "Doppler", "Howl", "Cyrex", "Neo-Noir", "Dragon Lore",
        "Safari Mesh", "Boreal Forest", "Blue Laminate", "Night Riot", "Wasteland Rebel", "Frontside Misty",
        "Elite Build", "Ice Coaled", "Nightwish", "Head Shot", "Inheritance", "Emerald Pinstripe", "Uncharted",
    ];

    public static readonly string[] Cs2Exteriors = ["Factory New", "Minimal Wear", "Field-Tested", "Well-Worn", "Battle-Scarred"];

    /// <summary>DMarket's category of each gun (the first segment of its <c>categoryPath</c>).</summary>
    public static readonly Dictionary<string, string> Cs2WeaponCategories = new(StringComparer.Ordinal)
    {
        ["AK-47"] = "rifle", ["M4A4"] = "rifle", ["M4A1-S"] = "rifle", ["FAMAS"] = "rifle", ["Galil AR"] = "rifle",
        ["AWP"] = "sniper rifle", ["SSG 08"] = "sniper rifle",
        ["Desert Eagle"] = "pistol", ["USP-S"] = "pistol", ["Glock-18"] = "pistol", ["P250"] = "pistol", ["Five-SeveN"] = "pistol",
        ["Tec-9"] = "pistol", ["CZ75-Auto"] = "pistol",
        ["MP9"] = "smg", ["MAC-10"] = "smg", ["UMP-45"] = "smg", ["P90"] = "smg",
        ["Nova"] = "shotgun", ["XM1014"] = "shotgun",
    };

    public static readonly string[] Cs2Knives = ["Karambit", "Butterfly Knife", "M9 Bayonet", "Bayonet", "Talon Knife", "Flip Knife"];

    public static readonly string[] Cs2KnifeFinishes = ["Doppler", "Gamma Doppler", "Fade", "Case Hardened", "Slaughter", "Tiger Tooth", "Marble Fade", "Crimson Web"];

    public static readonly string[] Cs2Gloves = ["Sport Gloves", "Driver Gloves", "Specialist Gloves", "Moto Gloves"];

    public static readonly string[] Cs2GloveFinishes = ["Vice", "Pandora's Box", "Crimson Weave", "Fade", "Hedge Maze", "Emerald Web"];

    public static readonly string[] DotaRarities = ["Rare", "Mythical", "Mythical", "Legendary", "Immortal", "Arcana"];

    /// <summary>TF2 weapons can carry a killstreak kit; hats and taunts cannot.</summary>
    public static readonly HashSet<string> Tf2Weapons =
        ["Rocket Launcher", "Scattergun", "Minigun", "Flame Thrower", "Sniper Rifle", "Knife", "Wrench", "Medi Gun", "Australium Rocket Launcher"];

    public static readonly string[] Tf2Killstreaks = ["Killstreak ", "Specialized Killstreak ", "Professional Killstreak "];

    public static readonly Dictionary<string, string> RustCategories = new(StringComparer.Ordinal)
    {
        ["Tempered AK47"] = "weapon", ["Glory AK47"] = "weapon", ["Rainbow Pony Bolt Rifle"] = "weapon", ["Azul Tempered MP5"] = "weapon",
        ["Digital Camo MP5"] = "weapon", ["No Mercy"] = "weapon", ["Alien Red"] = "weapon",
        ["Big Grin"] = "armor", ["Punishment Mask"] = "armor", ["Whiteout Facemask"] = "armor", ["Cyberpunk Metal Facemask"] = "armor",
        ["Blackout Hoodie"] = "clothing", ["Doodle Hoodie"] = "clothing", ["Tactical Boots"] = "clothing", ["Cloth Armor"] = "clothing",
        ["Jungle Jacket"] = "clothing", ["Forest Raiders Hoodie"] = "clothing",
        ["Neon Rider Garage Door"] = "deployable", ["Retro Tool Cupboard"] = "deployable", ["Bloodline Door"] = "deployable",
        ["Hazmat Youtooz"] = "deployable", ["Ghost Halloween Bag"] = "deployable", ["Playroom Pickaxe"] = "tool",
    };

    public static readonly string[] DotaHeroes =
    [
        "Pudge", "Juggernaut", "Phantom Assassin", "Invoker", "Anti-Mage", "Shadow Fiend", "Crystal Maiden",
        "Axe", "Lina", "Sniper", "Drow Ranger", "Windranger", "Faceless Void", "Legion Commander", "Mirana",
    ];

    public static readonly string[] DotaQualities = ["", "Inscribed ", "Genuine ", "Corrupted ", "Exalted ", "Autographed "];

    public static readonly string[] DotaPieces =
    [
        "Dragonclaw Hook", "Bladeform Legacy", "Manifold Paradox", "Arcana Flair", "Frost Avalanche", "Golden Gravelmaw",
        "Fractal Horns of Inner Abysm", "Demon Eater", "Feast of Abscession", "Fiery Soul of the Slayer", "Baby Roshan",
        "Mace of Aeons", "Hat of the Eternal Hunter", "Genuine Weather", "Wraith-Lord's Crown",
    ];

    public static readonly string[] Tf2Qualities = ["", "Strange ", "Vintage ", "Genuine ", "Unusual ", "Collector's "];

    public static readonly string[] Tf2Items =
    [
        "Rocket Launcher", "Scattergun", "Minigun", "Flame Thrower", "Sniper Rifle", "Knife", "Wrench", "Medi Gun",
        "Team Captain", "Bill's Hat", "Killer Exclusive", "Mann Co. Supply Crate Key", "Australium Rocket Launcher",
        "Professional Killstreak Kit", "Earbuds", "Max's Severed Head", "Conga Taunt", "Pyrovision Goggles",
    ];

    public static readonly string[] RustItems =
    [
        "Tempered AK47", "Alien Red", "Big Grin", "No Mercy", "Glory AK47", "Punishment Mask", "Whiteout Facemask",
        "Blackout Hoodie", "Doodle Hoodie", "Neon Rider Garage Door", "Playroom Pickaxe", "Rainbow Pony Bolt Rifle",
        "Azul Tempered MP5", "Tactical Boots", "Cloth Armor", "Digital Camo MP5", "Retro Tool Cupboard", "Jungle Jacket",
        "Forest Raiders Hoodie", "Cyberpunk Metal Facemask", "Hazmat Youtooz", "Bloodline Door", "Ghost Halloween Bag",
    ];

    public static readonly string[] RustVariants = ["", " (Worn)", " (Battle-Worn)", " Edition II", " Gold", " Neon", " Desert"];

    /// <summary>DMarket's <c>categoryPath</c>: the category first (rifle, knife, clothing…), then the kind.</summary>
    public static string CategoryPath(string gameId, string? category) => gameId switch
    {
        DMarketGames.CounterStrike2 => category ?? "other",
        DMarketGames.Dota2 => "wearable",
        DMarketGames.TeamFortress2 => "cosmetic",
        _ => category ?? "skin",
    };
}
