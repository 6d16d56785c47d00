"""The leaderboard feature: boards, student stats, reports and charts."""
