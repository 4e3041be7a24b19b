"""kinerja.normalize"""
